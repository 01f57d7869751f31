package app.confio.platform;

import app.confio.growth.boundary.GrowthCsvResource;
import app.confio.growth.boundary.GrowthResource;
import app.confio.metrics.boundary.UserListResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * The last step of the admin API's OpenAPI document ({@code mp.openapi.filter}). It gives the
 * document the build's version (an annotation can only hold a constant) and names on every
 * operation the refusals that come from before any resource runs, or from the database (the
 * responses {@link RestApplication} defines). And it takes out what Payara 6.2025.10's scanner adds
 * on its own: a copy of every tag per resource class that names it, members on a schema that is no
 * object (an array, a text), an integer's default and allowed values written as text, a path
 * parameter that is not required, and every attribute of a {@code @Schema} or {@code @Parameter}
 * annotation written out at its default ({@code maxProperties: 0} would even say that an object has
 * no properties).
 */
public class ApiDocument implements OASFilter {

  static final String VERSION = read();

  /** Every admin call can answer these; the name of each is that of its component. */
  static final Map<String, String> REFUSALS =
      Map.of(
          "400", "BadRequest",
          "401", "Unauthenticated",
          "403", "Forbidden",
          "429", "TooManyFailures",
          "503", "Unavailable");

  /**
   * The resources whose calls take a {@code @BeanParam}: Payara's scanner does not read one, so
   * {@link BeanParameters} writes its parameters in. A resource that starts taking one is named
   * here, or its parameters are missing from the document (and the contract test says so).
   */
  static final List<Class<?>> BEAN_PARAMS =
      List.of(UserListResource.class, GrowthResource.class, GrowthCsvResource.class);

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    openAPI.getInfo().setVersion(VERSION);
    BeanParameters.document(openAPI, "/api", BEAN_PARAMS);
    if (openAPI.getTags() != null) {
      var byName = new LinkedHashMap<String, Tag>();
      for (var tag : openAPI.getTags()) {
        byName.merge(
            tag.getName(), tag, (kept, other) -> kept.getDescription() == null ? other : kept);
      }
      openAPI.setTags(new ArrayList<>(byName.values()));
    }
  }

  @Override
  public Schema filterSchema(Schema schema) {
    if (schema.getType() != null && schema.getType() != Schema.SchemaType.OBJECT) {
      schema.setProperties(null);
    }
    if (schema.getType() == Schema.SchemaType.INTEGER) {
      schema.setDefaultValue(whole(schema.getDefaultValue()));
      if (schema.getEnumeration() != null) {
        schema.setEnumeration(schema.getEnumeration().stream().map(ApiDocument::whole).toList());
      }
    }
    schema.setDeprecated(set(schema.getDeprecated()));
    schema.setNullable(set(schema.getNullable()));
    schema.setReadOnly(set(schema.getReadOnly()));
    schema.setWriteOnly(set(schema.getWriteOnly()));
    schema.setUniqueItems(set(schema.getUniqueItems()));
    schema.setExclusiveMaximum(set(schema.getExclusiveMaximum()));
    schema.setExclusiveMinimum(set(schema.getExclusiveMinimum()));
    schema.setMinLength(positive(schema.getMinLength()));
    schema.setMinProperties(positive(schema.getMinProperties()));
    schema.setMaxProperties(positive(schema.getMaxProperties()));
    return schema;
  }

  @Override
  public Parameter filterParameter(Parameter parameter) {
    parameter.setDeprecated(set(parameter.getDeprecated()));
    parameter.setAllowEmptyValue(set(parameter.getAllowEmptyValue()));
    parameter.setAllowReserved(set(parameter.getAllowReserved()));
    parameter.setRequired(
        parameter.getIn() == Parameter.In.PATH ? Boolean.TRUE : set(parameter.getRequired()));
    return parameter;
  }

  @Override
  public Operation filterOperation(Operation operation) {
    operation.setDeprecated(set(operation.getDeprecated()));
    if (operation.getResponses() == null) {
      operation.setResponses(OASFactory.createAPIResponses());
    }
    var responses = operation.getResponses();
    for (var refusal : new TreeMap<>(REFUSALS).entrySet()) {
      if (!responses.hasAPIResponse(refusal.getKey())) {
        responses.addAPIResponse(
            refusal.getKey(),
            OASFactory.createAPIResponse().ref("#/components/responses/" + refusal.getValue()));
      }
    }
    return operation;
  }

  /** True, or absent: false is every flag's default. */
  private static Boolean set(Boolean flag) {
    return Boolean.TRUE.equals(flag) ? true : null;
  }

  /** An integer's default or allowed value as the number it is, not the text it was written as. */
  private static Object whole(Object value) {
    return value instanceof String text ? Long.valueOf(text.strip()) : value;
  }

  /** A count above zero, or absent: zero is every bound's default. */
  private static Integer positive(Integer count) {
    return count != null && count > 0 ? count : null;
  }

  private static String read() {
    try (var in = ApiDocument.class.getResourceAsStream("build.properties")) {
      var properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
