package app.confio.api.control;

import app.confio.money.entity.InvalidAmountException;
import app.confio.money.entity.PlainDecimal;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The body of a GraphQL POST: a JSON object with a string {@code query} and optional {@code
 * variables} (an object) and {@code operationName}, or, as {@code application/graphql}, the query
 * itself. Refused with INVALID_REQUEST when it is larger than allowed, not UTF-8, not JSON or not
 * shaped so; with INVALID_AMOUNT when a number in it is not a {@link PlainDecimal}.
 */
public record GraphQLBody(String query, String operationName) {

  public static byte[] read(InputStream in, long declaredLength, int maxBytes) throws IOException {
    if (declaredLength > maxBytes) {
      throw tooLarge(maxBytes);
    }
    var out = new ByteArrayOutputStream();
    var buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) != -1; ) {
      out.write(buffer, 0, n);
      if (out.size() > maxBytes) {
        throw tooLarge(maxBytes);
      }
    }
    return out.toByteArray();
  }

  public static GraphQLBody parse(byte[] bytes, String contentType) {
    var text = utf8(bytes);
    if (contentType != null && contentType.toLowerCase().startsWith("application/graphql")) {
      return new GraphQLBody(text, null);
    }
    var json = object(text);
    refuseExponents(text);
    return new GraphQLBody(string(json, "query"), string(json, "operationName"));
  }

  private static JsonObject object(String text) {
    JsonValue value;
    try (var reader = Json.createReader(new StringReader(text))) {
      value = reader.readValue();
    } catch (JsonException | IllegalStateException e) {
      throw RequestRefusal.invalid("The request body is not valid JSON");
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw RequestRefusal.invalid("The request body must be a JSON object with a query");
    }
    var json = value.asJsonObject();
    var variables = json.get("variables");
    if (variables != null
        && variables.getValueType() != JsonValue.ValueType.OBJECT
        && variables.getValueType() != JsonValue.ValueType.NULL) {
      throw RequestRefusal.invalid("variables must be a JSON object");
    }
    return json;
  }

  private static String string(JsonObject json, String name) {
    var value = json.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      throw RequestRefusal.invalid(name + " must be a string");
    }
    return json.getString(name);
  }

  /** JSON numbers keep their digits only in the text: 1e3 and 1000 parse to equal values. */
  private static void refuseExponents(String text) {
    try (var parser = Json.createParser(new StringReader(text))) {
      while (parser.hasNext()) {
        if (parser.next() == JsonParser.Event.VALUE_NUMBER
            && !PlainDecimal.isPlain(parser.getString())) {
          throw new InvalidAmountException(PlainDecimal.refusal());
        }
      }
    } catch (JsonException e) {
      throw RequestRefusal.invalid("The request body is not valid JSON");
    }
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw RequestRefusal.invalid("The request body is not UTF-8");
    }
  }

  private static RequestRefusal tooLarge(int maxBytes) {
    return RequestRefusal.invalid("The request body is larger than " + maxBytes + " bytes");
  }
}
