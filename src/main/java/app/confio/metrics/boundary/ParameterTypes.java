package app.confio.metrics.boundary;

import app.confio.activity.entity.Policy;
import app.confio.growth.entity.Period;
import app.confio.growth.entity.Retention;
import app.confio.growth.entity.Stickiness;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The admin API's parameter types, read by the same rules as the dashboard's ({@link Params}, the
 * types' own {@code parse}). A value that does not parse is refused with the parameter's name
 * ({@code days must be a whole number, not 'abc'}) and answers 400 {@code INVALID_INPUT}, where
 * JAX-RS alone answers a bare 404. An empty value counts as absent: the parameter's {@link
 * DefaultValue}, or null for the resource to fill in (a date relative to today). Ranges are Bean
 * Validation constraints on the resources' parameters.
 */
@Provider
public class ParameterTypes implements ParamConverterProvider {

  private static final Map<Class<?>, BiFunction<String, String, Object>> TYPES =
      Map.of(
          Integer.class, Params::number,
          Long.class, Params::id,
          LocalDate.class, (name, text) -> Params.date(name, text, null),
          Policy.class, (name, text) -> Policy.parse(text),
          Period.class, (name, text) -> Period.parse(text, name),
          Retention.Mode.class, (name, text) -> Retention.Mode.parse(text),
          Retention.Kind.class, (name, text) -> Retention.Kind.parse(text),
          Stickiness.Mode.class, (name, text) -> Stickiness.Mode.parse(text));

  @Override
  public <T> ParamConverter<T> getConverter(
      Class<T> type, Type genericType, Annotation[] annotations) {
    var parse = TYPES.get(type);
    if (parse == null) {
      return null;
    }
    var name = name(annotations);
    var fallback = fallback(annotations);
    return new ParamConverter<>() {
      @Override
      public T fromString(String text) {
        var given = text == null || text.isBlank() ? fallback : text;
        return given == null ? null : type.cast(parse.apply(name, given));
      }

      @Override
      public String toString(T value) {
        return String.valueOf(value);
      }
    };
  }

  private static String name(Annotation[] annotations) {
    for (var annotation : annotations) {
      if (annotation instanceof QueryParam query) {
        return query.value();
      }
      if (annotation instanceof PathParam path) {
        return path.value();
      }
    }
    return "parameter";
  }

  private static String fallback(Annotation[] annotations) {
    for (var annotation : annotations) {
      if (annotation instanceof DefaultValue value && !value.value().isBlank()) {
        return value.value();
      }
    }
    return null;
  }
}
