package app.confio.money.boundary;

import app.confio.money.entity.Currency;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("Balance")
public record BalanceView(@NonNull Currency currency, @NonNull BigDecimal amount) {

  public static List<BalanceView> of(Map<Currency, BigDecimal> balances) {
    return balances.entrySet().stream()
        .map(e -> new BalanceView(e.getKey(), e.getValue()))
        .toList();
  }
}
