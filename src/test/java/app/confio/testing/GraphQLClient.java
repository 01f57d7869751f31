package app.confio.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Posts GraphQL documents to {@code /graphql} as a mobile client would. */
public class GraphQLClient {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade attempt: Payara answers HTTP/1.1
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final URI endpoint;
  private final String token;
  private final String forwardedFor;

  public GraphQLClient(URL base) {
    this(URI.create(base.toString().replaceAll("/?$", "/")).resolve("graphql"), null, null);
  }

  private GraphQLClient(URI endpoint, String token, String forwardedFor) {
    this.endpoint = endpoint;
    this.token = token;
    this.forwardedFor = forwardedFor;
  }

  public GraphQLClient as(String accessToken) {
    return new GraphQLClient(endpoint, accessToken, forwardedFor);
  }

  /**
   * Calls as if from {@code address}, behind a proxy: an {@code X-Forwarded-For} header, which only
   * a server that trusts the test client as its proxy believes ({@code
   * confio.http.trusted-proxies}, as ClusterIT's members do).
   */
  public GraphQLClient from(String address) {
    return new GraphQLClient(endpoint, token, address);
  }

  public Response post(String document) {
    return post(document, Map.of());
  }

  public Response post(String document, Map<String, Object> variables) {
    var body =
        Json.createObjectBuilder()
            .add("query", document)
            .add("variables", Json.createObjectBuilder(variables))
            .build()
            .toString();
    return postBody("application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  /** Posts {@code body} as it is, for requests no well-behaved client would send. */
  public Response postBody(String contentType, byte[] body) {
    var request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    try {
      var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The HTTP status and parsed body of one GraphQL call. */
  public record Response(int status, String body) {

    public JsonObject json() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.readObject();
      }
    }

    /** The data of a call that must have succeeded. */
    public JsonObject data() {
      var json = json();
      if (json.containsKey("errors") || status != 200) {
        throw new AssertionError("Expected success, got HTTP " + status + ": " + body);
      }
      return json.getJsonObject("data");
    }

    /** The {@code extensions.code} of the first error of a call that must have failed. */
    public String errorCode() {
      var json = json();
      if (!json.containsKey("errors")) {
        throw new AssertionError("Expected an error, got: " + body);
      }
      var error = json.getJsonArray("errors").getJsonObject(0);
      var extensions = error.getJsonObject("extensions");
      return extensions == null || !extensions.containsKey("code")
          ? "(no code) " + error
          : extensions.getString("code");
    }

    public String errorMessage() {
      return json().getJsonArray("errors").getJsonObject(0).getString("message");
    }

    public boolean dataIsNull(String field) {
      var data = json().get("data");
      return data == null
          || data.getValueType() == JsonValue.ValueType.NULL
          || data.asJsonObject().isNull(field);
    }
  }
}
