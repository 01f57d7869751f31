package app.confio.api.boundary;

import graphql.schema.GraphQLScalarType;
import io.smallrye.graphql.scalar.GraphQLScalarTypes;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import java.math.BigDecimal;

/**
 * Puts the strict {@code BigDecimal} scalar in place of SmallRye's before SmallRye builds its
 * schema: every amount and price argument of every operation, and any input type to come, is then
 * read by {@link StrictDecimalCoercing}. CDI starts before the servlet listener that builds the
 * schema, so this runs first; the schema keeps the name {@code BigDecimal}, so clients see no
 * change but the refusals.
 */
public class StrictDecimals implements Extension {

  static final String NAME = "BigDecimal";

  void replaceScalar(@Observes BeforeBeanDiscovery discovery) {
    var original = GraphQLScalarTypes.getScalarByName(NAME);
    if (original.getCoercing() instanceof StrictDecimalCoercing) {
      return;
    }
    var strict =
        GraphQLScalarType.newScalar(original)
            .coercing(new StrictDecimalCoercing(original.getCoercing()))
            .build();
    GraphQLScalarTypes.registerCustomScalar(NAME, BigDecimal.class.getName(), strict);
  }
}
