package app.confio.money.control;

import app.confio.money.entity.Currency;
import app.confio.platform.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A person's movements of money, newest first, read across the tables that record them: sends in
 * and out, payments, conversions, deposits and business payouts received.
 */
@ApplicationScoped
public class Statement {

  public static final int MAX_PAGE_SIZE = 100;

  private static final String MOVEMENTS =
      """
      select 'SENT' as kind, s.id, s.created_at, s.currency, -s.amount as amount, r.display_name as party
        from send_transactions s join users r on r.id = s.recipient_id where s.sender_id = ?1
      union all
      select 'RECEIVED', s.id, s.created_at, s.currency, s.amount, u.display_name
        from send_transactions s join users u on u.id = s.sender_id where s.recipient_id = ?1
      union all
      select 'PAYMENT', p.id, p.created_at, p.currency, -p.amount, b.name
        from payments p join businesses b on b.id = p.business_id where p.payer_id = ?1
      union all
      select 'CONVERSION', c.id, c.created_at, c.from_currency, -c.amount_in,
             c.amount_out || ' ' || c.to_currency
        from conversions c where c.user_id = ?1
      union all
      select 'DEPOSIT', d.id, d.created_at, d.currency, d.amount, null
        from deposits d where d.user_id = ?1
      union all
      select 'PAYOUT', o.id, o.created_at, o.currency, o.amount, b.name
        from business_operations o join businesses b on b.id = o.business_id
       where o.counterparty_id = ?1 and o.kind = 'PAYOUT'
      """;

  @PersistenceContext EntityManager em;

  public record Movement(
      String kind,
      long id,
      OffsetDateTime at,
      Currency currency,
      BigDecimal amount,
      String counterparty) {}

  public record Page(List<Movement> items, int page, int size, long total) {}

  public Page of(long userId, int page, int size) {
    if (page < 0) {
      throw new InvalidInputException("Page must be 0 or more");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidInputException("Page size must be between 1 and " + MAX_PAGE_SIZE);
    }
    long total =
        ((Number)
                em.createNativeQuery("select count(*) from (" + MOVEMENTS + ") m")
                    .setParameter(1, userId)
                    .getSingleResult())
            .longValue();
    if (page > 0 && (long) page * size >= total) {
      throw new InvalidInputException(
          "Page " + page + " is past the last page (" + total + " movements)");
    }
    List<?> rows =
        em.createNativeQuery(MOVEMENTS + " order by 3 desc, 2 desc offset ?2 limit ?3")
            .setParameter(1, userId)
            .setParameter(2, (long) page * size)
            .setParameter(3, size)
            .getResultList();
    return new Page(rows.stream().map(Statement::movement).toList(), page, size, total);
  }

  private static Movement movement(Object row) {
    var c = (Object[]) row;
    var currency = Currency.valueOf((String) c[3]);
    return new Movement(
        (String) c[0],
        ((Number) c[1]).longValue(),
        toOffset(c[2]),
        currency,
        ((BigDecimal) c[4]).setScale(currency.scale()),
        (String) c[5]);
  }

  static OffsetDateTime toOffset(Object value) {
    if (value instanceof OffsetDateTime odt) {
      return odt;
    }
    if (value instanceof java.sql.Timestamp ts) {
      return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
    throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
  }
}
