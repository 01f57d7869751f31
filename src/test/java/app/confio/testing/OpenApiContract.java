package app.confio.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The admin API's OpenAPI document, as {@code /openapi} serves it, against {@code
 * docs/contracts/openapi.json}. Both are compared in one normal form: keys sorted at every level
 * and the build's version written as {@code ${project.version}}, so neither a reordering nor a new
 * version is a change. A difference is named by where it is and whether something went away (a
 * client relying on it breaks), came new, or changed.
 */
public final class OpenApiContract {

  public static final String FILE = "docs/contracts/openapi.json";
  static final String VERSION = "${project.version}";

  private OpenApiContract() {}

  public static void assertServedBy(URL base, String test) {
    var contract = new Contract("OpenAPI document of the admin API", FILE, test);
    var served =
        normal(
            Http.json(200, Http.anonymous(base).get("openapi?format=JSON")),
            System.getProperty("project.version"));
    var text = print(served);
    var checkedIn = contract.checkedIn();
    var differences =
        checkedIn.isBlank()
            ? List.of("nothing is checked in yet")
            : differences("", read(checkedIn), served);
    contract.assertUnchanged(text, differences);
  }

  /** Sorted keys, and the build's version as a placeholder (it is checked to be the build's). */
  static JsonValue normal(JsonValue value, String buildVersion) {
    return switch (value.getValueType()) {
      case OBJECT -> {
        var object = value.asJsonObject();
        var sorted = Json.createObjectBuilder();
        for (var key : new TreeSet<>(object.keySet())) {
          sorted.add(key, normal(object.get(key), buildVersion));
        }
        yield version(sorted.build(), buildVersion);
      }
      case ARRAY -> {
        var array = Json.createArrayBuilder();
        value.asJsonArray().forEach(item -> array.add(normal(item, buildVersion)));
        yield array.build();
      }
      default -> value;
    };
  }

  private static JsonObject version(JsonObject object, String buildVersion) {
    var info = object.get("info");
    if (!object.containsKey("openapi") || !(info instanceof JsonObject details)) {
      return object;
    }
    var version = details.getString("version", "");
    if (!version.equals(buildVersion)) {
      return object;
    }
    return Json.createObjectBuilder(object)
        .add("info", Json.createObjectBuilder(details).add("version", VERSION))
        .build();
  }

  /** Where {@code served} differs from {@code checkedIn}: removed, added or changed, with paths. */
  static List<String> differences(String at, JsonValue checkedIn, JsonValue served) {
    var found = new ArrayList<String>();
    if (checkedIn instanceof JsonObject was && served instanceof JsonObject is) {
      for (var key : new TreeSet<>(was.keySet())) {
        if (!is.containsKey(key)) {
          found.add("removed (breaks a client that uses it): " + member(at, key));
        } else {
          found.addAll(differences(member(at, key), was.get(key), is.get(key)));
        }
      }
      for (var key : new TreeSet<>(is.keySet())) {
        if (!was.containsKey(key)) {
          found.add("added: " + member(at, key));
        }
      }
    } else if (checkedIn instanceof JsonArray was
        && served instanceof JsonArray is
        && was.size() == is.size()) {
      for (var i = 0; i < was.size(); i++) {
        found.addAll(differences(at + "[" + i + "]", was.get(i), is.get(i)));
      }
    } else if (!checkedIn.equals(served)) {
      found.add("changed: " + at + ": " + brief(checkedIn) + " -> " + brief(served));
    }
    return found;
  }

  /** {@code paths["/api/admin/metrics"].get.parameters[0]}: where a value is, readably. */
  private static String member(String at, String key) {
    return key.matches("[A-Za-z_$][A-Za-z0-9_$-]*")
        ? (at.isEmpty() ? key : at + "." + key)
        : at + "[\"" + key + "\"]";
  }

  private static String brief(JsonValue value) {
    var text =
        value instanceof JsonString string ? '"' + string.getString() + '"' : value.toString();
    return text.length() > 120 ? text.substring(0, 117) + "..." : text;
  }

  static JsonValue read(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }

  /** Indented JSON, ending with a line break, as the file is kept. */
  static String print(JsonValue value) {
    var out = new StringWriter();
    try (var generator =
        Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
            .createGenerator(out)) {
      generator.write(value);
    }
    return out.toString().strip() + "\n";
  }
}
