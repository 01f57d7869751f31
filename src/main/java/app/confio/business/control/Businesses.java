package app.confio.business.control;

import app.confio.business.entity.Business;
import app.confio.business.entity.BusinessOperation;
import app.confio.business.entity.Employee;
import app.confio.business.entity.Role;
import app.confio.money.control.Ledger;
import app.confio.money.control.MoneyMoved;
import app.confio.money.entity.Amount;
import app.confio.money.entity.Owner;
import app.confio.money.entity.Posting;
import app.confio.platform.Actor;
import app.confio.platform.InvalidInputException;
import app.confio.platform.NotAllowedException;
import app.confio.platform.NotFoundException;
import app.confio.platform.Text;
import app.confio.users.control.Directory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Creating businesses, hiring, and paying out of a business's balance. */
@ApplicationScoped
public class Businesses {

  @PersistenceContext EntityManager em;
  @Inject Ledger ledger;
  @Inject Directory directory;
  @Inject Event<MoneyMoved> moneyMoved;
  @Inject Actor actor;

  public Business create(long ownerId, String name) {
    var business =
        new Business(ownerId, Text.required(name, Business.MAX_NAME_LENGTH, "Business name"));
    em.persist(business);
    em.flush();
    em.persist(new Employee(business.id(), ownerId, Role.OWNER));
    ledger.openBusinessAccounts(business.id());
    record(
        new BusinessOperation(
            business.id(), ownerId, BusinessOperation.Kind.CREATE_BUSINESS, null));
    return business;
  }

  public Employee addEmployee(long actorId, long businessId, String phone, Role role) {
    requireManager(actorId, businessId);
    if (role == Role.OWNER) {
      throw new InvalidInputException("A business has one owner; hire a MANAGER or a CASHIER");
    }
    var person = directory.activeByPhone(phone);
    if (em.find(Employee.class, new Employee.Key(businessId, person.id())) != null) {
      throw new InvalidInputException(person.displayName() + " already works for this business");
    }
    var employee = new Employee(businessId, person.id(), role);
    em.persist(employee);
    record(
        new BusinessOperation(
            businessId, actorId, BusinessOperation.Kind.ADD_EMPLOYEE, person.id()));
    return employee;
  }

  public BusinessOperation payout(long actorId, long businessId, String phone, Amount amount) {
    requireManager(actorId, businessId);
    var payee = directory.activeByPhone(phone);
    ledger.post(
        Posting.debit(ledger.account(new Owner.Business(businessId), amount.currency()), amount),
        Posting.credit(ledger.account(new Owner.Person(payee.id()), amount.currency()), amount));
    var operation = new BusinessOperation(businessId, actorId, payee.id(), amount);
    record(operation);
    moneyMoved.fire(new MoneyMoved(actorId, MoneyMoved.Kind.BUSINESS_PAYOUT, actor.actedBy()));
    return operation;
  }

  public List<Employee> employmentsOf(long userId) {
    return em.createNamedQuery(Employee.OF_USER, Employee.class)
        .setParameter("userId", userId)
        .getResultList();
  }

  public Business business(long businessId) {
    var business = em.find(Business.class, businessId);
    if (business == null) {
      throw new NotFoundException("No business with id " + businessId);
    }
    return business;
  }

  private void requireManager(long actorId, long businessId) {
    business(businessId);
    var employee = em.find(Employee.class, new Employee.Key(businessId, actorId));
    if (employee == null || !employee.role().managesMoney()) {
      throw new NotAllowedException("Only the business's owner or a manager can do this");
    }
  }

  private void record(BusinessOperation operation) {
    em.persist(operation);
    em.flush();
  }
}
