package app.confio.payments.control;

import app.confio.business.entity.Business;
import app.confio.money.control.Ledger;
import app.confio.money.control.MoneyMoved;
import app.confio.money.control.Rates;
import app.confio.money.entity.Amount;
import app.confio.money.entity.Currency;
import app.confio.money.entity.Owner;
import app.confio.money.entity.Posting;
import app.confio.payments.entity.Conversion;
import app.confio.payments.entity.Payment;
import app.confio.payments.entity.SendTransaction;
import app.confio.platform.Actor;
import app.confio.platform.InvalidInputException;
import app.confio.platform.NotFoundException;
import app.confio.platform.Text;
import app.confio.users.control.Directory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Sends, payments and conversions: validate, post to the ledger, record, announce. */
@ApplicationScoped
public class Payments {

  @PersistenceContext EntityManager em;
  @Inject Ledger ledger;
  @Inject Rates rates;
  @Inject Directory directory;
  @Inject Event<MoneyMoved> moneyMoved;
  @Inject Actor actor;

  public SendTransaction send(long senderId, String recipientPhone, Amount amount, String note) {
    var text = Text.optional(note, SendTransaction.MAX_NOTE_LENGTH, "Note");
    var recipient = directory.activeByPhone(recipientPhone);
    if (recipient.id() == senderId) {
      throw new InvalidInputException("You cannot send money to yourself");
    }
    var currency = amount.currency();
    ledger.post(
        Posting.debit(ledger.account(new Owner.Person(senderId), currency), amount),
        Posting.credit(ledger.account(new Owner.Person(recipient.id()), currency), amount));
    var sent = new SendTransaction(senderId, recipient.id(), amount, text);
    em.persist(sent);
    em.flush();
    moneyMoved.fire(new MoneyMoved(senderId, MoneyMoved.Kind.SEND, actor.actedBy()));
    return sent;
  }

  public Payment pay(long payerId, long businessId, Amount amount, String reference) {
    var text = Text.optional(reference, Payment.MAX_REFERENCE_LENGTH, "Reference");
    if (em.find(Business.class, businessId) == null) {
      throw new NotFoundException("No business with id " + businessId);
    }
    var currency = amount.currency();
    ledger.post(
        Posting.debit(ledger.account(new Owner.Person(payerId), currency), amount),
        Posting.credit(ledger.account(new Owner.Business(businessId), currency), amount));
    var payment = new Payment(payerId, businessId, amount, text);
    em.persist(payment);
    em.flush();
    moneyMoved.fire(new MoneyMoved(payerId, MoneyMoved.Kind.PAYMENT, actor.actedBy()));
    return payment;
  }

  public Conversion convert(long userId, Amount in, Currency target) {
    var out = rates.convert(in, target);
    var rate = rates.rate(in.currency(), target);
    var owner = new Owner.Person(userId);
    ledger.post(
        Posting.debit(ledger.account(owner, in.currency()), in),
        Posting.credit(ledger.account(owner, target), out));
    var conversion = new Conversion(userId, in, out, rate);
    em.persist(conversion);
    em.flush();
    moneyMoved.fire(new MoneyMoved(userId, MoneyMoved.Kind.CONVERSION, actor.actedBy()));
    return conversion;
  }
}
