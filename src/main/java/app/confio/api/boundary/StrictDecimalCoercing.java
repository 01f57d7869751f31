package app.confio.api.boundary;

import app.confio.money.entity.PlainDecimal;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code BigDecimal} arguments strictly. SmallRye's own coercing hands a JSON string on as
 * text, and its number transformer then reads the longest numeric prefix: {@code "1,000"} became 1.
 * Here a string must be a {@link PlainDecimal}; a GraphQL float that can only have been written
 * with an exponent and a binary floating-point value are refused too. Results are written as
 * before, by the original coercing.
 */
@SuppressWarnings("unchecked")
class StrictDecimalCoercing implements Coercing<Object, Object> {

  static final Map<String, Object> INVALID_AMOUNT = Map.of("code", "INVALID_AMOUNT");

  private final Coercing<Object, Object> original;

  StrictDecimalCoercing(Coercing<?, ?> original) {
    this.original = (Coercing<Object, Object>) original;
  }

  @Override
  public Object serialize(Object result, GraphQLContext context, Locale locale) {
    return original.serialize(result, context, locale);
  }

  @Override
  public Object parseValue(Object input, GraphQLContext context, Locale locale) {
    if (input instanceof String text && PlainDecimal.isPlain(text)) {
      return new BigDecimal(text);
    }
    if (input instanceof BigDecimal value) {
      return value;
    }
    if (input instanceof BigInteger || input instanceof Long || input instanceof Integer) {
      return new BigDecimal(input.toString());
    }
    throw CoercingParseValueException.newCoercingParseValueException()
        .message(PlainDecimal.refusal())
        .extensions(INVALID_AMOUNT)
        .build();
  }

  @Override
  public Object parseLiteral(
      Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
    if (input instanceof IntValue integer) {
      return new BigDecimal(integer.getValue());
    }
    // A GraphQL float without an exponent has a fraction: a scale of 0 or less means 1e3 or 1.5e1.
    if (input instanceof FloatValue decimal && decimal.getValue().scale() > 0) {
      return decimal.getValue();
    }
    if (input instanceof StringValue text && PlainDecimal.isPlain(text.getValue())) {
      return new BigDecimal(text.getValue());
    }
    throw CoercingParseLiteralException.newCoercingParseLiteralException()
        .message(PlainDecimal.refusal())
        .extensions(INVALID_AMOUNT)
        .build();
  }

  @Override
  public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
    return original.valueToLiteral(input, context, locale);
  }
}
