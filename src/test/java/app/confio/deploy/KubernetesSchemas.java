package app.confio.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Kubernetes API's JSON schemas as fabric8's kubernetes-model jars publish them (draft-07,
 * generated from the API's OpenAPI definitions; unpacked into {@code target/kubernetes-schema} by
 * the build), made as strict as {@code kubectl apply} is:
 *
 * <ul>
 *   <li>an object with known properties takes no others (a misspelt field is an error, as in the
 *       "strict" schemas kubeconform uses);
 *   <li>{@code IntOrString} and {@code Quantity}, which fabric8 describes by their Java fields, are
 *       what the API takes on the wire: {@code 8080} or {@code http}, {@code 512Mi} or {@code 2};
 *   <li>a property marked {@code "required": true} (draft-03 style, which draft-07 ignores) is
 *       listed in its object's {@code required}; fabric8's Java-only keywords are dropped.
 * </ul>
 */
final class KubernetesSchemas {

  static final Path ROOT = Path.of("target", "kubernetes-schema");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<ObjectNode> documents = new ArrayList<>();

  KubernetesSchemas() {
    try (var modules = Files.list(ROOT)) {
      for (var module : modules.sorted().toList()) {
        var document =
            (ObjectNode) JSON.readTree(module.resolve("schema/validation-schema.json").toFile());
        strict(document);
        documents.add(document);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Run the build first: " + ROOT + " is unpacked by Maven", e);
    }
  }

  /** The schema of {@code apiVersion} / {@code kind}, if a module defines it. */
  Optional<JsonSchema> of(String apiVersion, String kind) {
    for (var document : documents) {
      var definitions = (ObjectNode) document.get("definitions");
      for (var name : iterable(definitions.fieldNames())) {
        var properties = definitions.get(name).path("properties");
        if (apiVersion.equals(properties.path("apiVersion").path("default").asText())
            && kind.equals(properties.path("kind").path("default").asText())) {
          var root = JSON.createObjectNode();
          root.put("$schema", "http://json-schema.org/draft-07/schema#");
          root.put("$ref", "#/definitions/" + name);
          root.set("definitions", definitions);
          return Optional.of(
              JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(root));
        }
      }
    }
    return Optional.empty();
  }

  private static void strict(ObjectNode document) {
    var definitions = (ObjectNode) document.get("definitions");
    definitions.set(
        "kubernetes_apimachinery_pkg_util_intstr_IntOrString", types("integer", "string"));
    definitions.set("k8s_io_apimachinery_pkg_api_resource_Quantity", types("string", "number"));
    tighten(definitions);
  }

  private static void tighten(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(List.of("javaType", "existingJavaType", "javaInterfaces", "javaOmitEmpty"));
      if (object.has("properties") && object.get("properties").isObject()) {
        object.put("additionalProperties", false);
        var required = JSON.createArrayNode();
        for (var field : iterable(object.get("properties").fields())) {
          if (field.getValue().path("required").isBoolean()) {
            if (field.getValue().get("required").asBoolean()) {
              required.add(field.getKey());
            }
            ((ObjectNode) field.getValue()).remove("required");
          }
        }
        if (!required.isEmpty()) {
          object.set("required", required);
        }
      }
      object.elements().forEachRemaining(KubernetesSchemas::tighten);
    } else if (node instanceof ArrayNode array) {
      array.elements().forEachRemaining(KubernetesSchemas::tighten);
    }
  }

  private static ObjectNode types(String... types) {
    var schema = JSON.createObjectNode();
    var list = schema.putArray("type");
    for (var type : types) {
      list.add(type);
    }
    return schema;
  }

  private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
    return () -> iterator;
  }
}
