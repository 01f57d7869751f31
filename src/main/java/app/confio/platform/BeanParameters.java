package app.confio.platform;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Writes the query parameters of {@code @BeanParam} objects into the OpenAPI document, where Payara
 * 6.2025.10's scanner leaves them out (it documents a resource method's own parameters only). Each
 * field is read as the scanner reads a parameter: its name, its {@code @Parameter} description and
 * schema, its Java type, and a {@code @DefaultValue} unless the schema is a reference. They take
 * the bean's place among the method's parameters.
 */
final class BeanParameters {

  private BeanParameters() {}

  static void document(OpenAPI api, String root, List<Class<?>> resources) {
    for (var resource : resources) {
      var base = root + "/" + resource.getAnnotation(Path.class).value();
      for (var method : resource.getMethods()) {
        if (method.isAnnotationPresent(GET.class) && method.isAnnotationPresent(Path.class)) {
          var item =
              api.getPaths().getPathItem(base + "/" + method.getAnnotation(Path.class).value());
          if (item != null && item.getGET() != null) {
            document(item.getGET(), method);
          }
        }
      }
    }
  }

  private static void document(Operation operation, java.lang.reflect.Method method) {
    var documented =
        new ArrayList<>(operation.getParameters() == null ? List.of() : operation.getParameters());
    var at = 0;
    for (var parameter : method.getParameters()) {
      if (parameter.isAnnotationPresent(QueryParam.class)) {
        at++;
      } else if (parameter.isAnnotationPresent(BeanParam.class)) {
        var added = fields(parameter.getType());
        documented.removeIf(p -> added.stream().anyMatch(a -> a.getName().equals(p.getName())));
        documented.addAll(Math.min(at, documented.size()), added);
        at += added.size();
      }
    }
    operation.setParameters(documented);
  }

  private static List<Parameter> fields(Class<?> bean) {
    var parameters = new ArrayList<Parameter>();
    for (var field : bean.getDeclaredFields()) {
      var query = field.getAnnotation(QueryParam.class);
      if (query == null) {
        continue;
      }
      var doc =
          field.getAnnotation(
              org.eclipse.microprofile.openapi.annotations.parameters.Parameter.class);
      var parameter = OASFactory.createParameter().name(query.value()).in(Parameter.In.QUERY);
      if (doc != null && !doc.description().isEmpty()) {
        parameter.description(doc.description());
      }
      var fallback = field.getAnnotation(DefaultValue.class);
      parameter.schema(
          schema(
              doc == null ? null : doc.schema(),
              field.getType(),
              fallback == null ? null : fallback.value()));
      parameters.add(parameter);
    }
    return parameters;
  }

  private static Schema schema(
      org.eclipse.microprofile.openapi.annotations.media.Schema written,
      Class<?> type,
      String fallback) {
    if (written != null && !written.ref().isEmpty()) {
      var ref = written.ref();
      return OASFactory.createSchema().ref(ref.contains("/") ? ref : "#/components/schemas/" + ref);
    }
    var schema = OASFactory.createSchema();
    var kind =
        written != null && written.type() != SchemaType.DEFAULT
            ? Schema.SchemaType.valueOf(written.type().name())
            : typeOf(type);
    schema.type(kind);
    if (fallback == null && written != null && !written.defaultValue().isEmpty()) {
      fallback = written.defaultValue();
    }
    if (fallback != null) {
      schema.defaultValue(value(kind, fallback));
    }
    if (written != null) {
      if (!written.minimum().isEmpty()) {
        schema.minimum(new BigDecimal(written.minimum()));
      }
      if (!written.maximum().isEmpty()) {
        schema.maximum(new BigDecimal(written.maximum()));
      }
      if (written.enumeration().length > 0) {
        schema.enumeration(Arrays.stream(written.enumeration()).map(v -> value(kind, v)).toList());
      }
    }
    return schema;
  }

  private static Schema.SchemaType typeOf(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return Schema.SchemaType.INTEGER;
    }
    if (type == Boolean.class || type == boolean.class) {
      return Schema.SchemaType.BOOLEAN;
    }
    return Schema.SchemaType.STRING;
  }

  private static Object value(Schema.SchemaType kind, String text) {
    return kind == Schema.SchemaType.INTEGER ? (Object) Long.valueOf(text.strip()) : text;
  }
}
