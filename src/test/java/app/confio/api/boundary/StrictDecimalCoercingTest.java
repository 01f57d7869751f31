package app.confio.api.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.Scalars;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The strict scalar in a real graphql-java schema: what arrives at the field, and the code that
 * reaches the client, for variables and literals alike.
 */
class StrictDecimalCoercingTest {

  static final GraphQL cut = graphQL();

  static GraphQL graphQL() {
    var scalar =
        GraphQLScalarType.newScalar()
            .name("BigDecimal")
            .coercing(new StrictDecimalCoercing(Scalars.GraphQLString.getCoercing()))
            .build();
    var query =
        GraphQLObjectType.newObject()
            .name("Query")
            .field(
                f ->
                    f.name("echo")
                        .type(Scalars.GraphQLString)
                        .argument(a -> a.name("amount").type(GraphQLNonNull.nonNull(scalar))))
            .build();
    DataFetcher<String> echo = env -> ((BigDecimal) env.getArgument("amount")).toPlainString();
    var code =
        GraphQLCodeRegistry.newCodeRegistry()
            .dataFetcher(FieldCoordinates.coordinates("Query", "echo"), echo)
            .build();
    return GraphQL.newGraphQL(GraphQLSchema.newSchema().query(query).codeRegistry(code).build())
        .build();
  }

  static Map<String, Object> withVariable(Object amount) {
    return cut.execute(
            ExecutionInput.newExecutionInput()
                .query("query($a: BigDecimal!) { echo(amount: $a) }")
                .variables(Map.of("a", amount)))
        .toSpecification();
  }

  static Map<String, Object> withLiteral(String literal) {
    return cut.execute("{ echo(amount: " + literal + ") }").toSpecification();
  }

  @SuppressWarnings("unchecked")
  static String code(Map<String, Object> result) {
    var errors = (List<Map<String, Object>>) result.get("errors");
    if (errors == null) {
      return "no error: " + result;
    }
    return String.valueOf(((Map<String, Object>) errors.get(0).get("extensions")).get("code"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1,000", "2.50abc", "1e3", " 2", "2 ", "+2", "", "٢"})
  void stringVariablesThatAreNotPlainDecimalsAreRefused(String amount) {
    assertEquals("INVALID_AMOUNT", code(withVariable(amount)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"1,000\"", "\"2.50abc\"", "1e3", "1.5e1", "\"1e3\"", "true"})
  void literalsThatAreNotPlainDecimalsAreRefused(String literal) {
    assertEquals("INVALID_AMOUNT", code(withLiteral(literal)));
  }

  @Test
  void binaryFloatingPointIsNoAmount() {
    assertEquals("INVALID_AMOUNT", code(withVariable(0.1d)));
  }

  @Test
  void plainDecimalsArriveExactlyInEveryForm() {
    assertEquals(Map.of("echo", "2.50"), withVariable("2.50").get("data"));
    assertEquals(Map.of("echo", "2.50"), withVariable(new BigDecimal("2.50")).get("data"));
    assertEquals(Map.of("echo", "7"), withVariable(7).get("data"));
    assertEquals(Map.of("echo", "2.50"), withLiteral("2.50").get("data"));
    assertEquals(Map.of("echo", "2.50"), withLiteral("\"2.50\"").get("data"));
    assertEquals(Map.of("echo", "7"), withLiteral("7").get("data"));
  }
}
