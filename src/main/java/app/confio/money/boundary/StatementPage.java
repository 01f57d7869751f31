package app.confio.money.boundary;

import app.confio.money.control.Statement;
import app.confio.money.entity.Currency;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("TransactionPage")
public record StatementPage(
    @NonNull List<@NonNull Item> items,
    int page,
    int size,
    @Description("All movements") long total) {

  @Name("Transaction")
  public record Item(
      @NonNull @Description("SENT, RECEIVED, PAYMENT, CONVERSION, DEPOSIT or PAYOUT") String kind,
      @Id @NonNull String id,
      @NonNull OffsetDateTime at,
      @NonNull Currency currency,
      @NonNull @Description("Negative when money left the caller's balance") BigDecimal amount,
      String counterparty) {}

  static StatementPage of(Statement.Page page) {
    var items =
        page.items().stream()
            .map(
                m ->
                    new Item(
                        m.kind(),
                        m.kind() + "-" + m.id(),
                        m.at(),
                        m.currency(),
                        m.amount(),
                        m.counterparty()))
            .toList();
    return new StatementPage(items, page.page(), page.size(), page.total());
  }
}
