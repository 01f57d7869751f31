package app.confio.cli;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The server's admin API over HTTP Basic. Every failure becomes a {@link Failure} with its exit
 * code: unreachable or credentials refused (3), a parameter refused with 400 (2, the server's own
 * message), anything else unexpected (4). Other answers are the caller's to read.
 */
class AdminApi {

  /** An answer: its status, its JSON body as the server sent it, and that body parsed. */
  record Answer(int status, String body, JsonStructure json) {

    JsonObject object() {
      return json.asJsonObject();
    }
  }

  private static final Duration CONNECT = Duration.ofSeconds(10);
  private static final Duration REQUEST = Duration.ofMinutes(10);

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT).build();
  private final Settings settings;

  AdminApi(Settings settings) {
    this.settings = settings;
  }

  Answer get(String path) {
    return send(request(path).GET());
  }

  /**
   * A report: 200, or a 404 the server explains ({@code {code, message}}: the thing asked about is
   * not there, exit 1); any other answer is unexpected.
   */
  Answer read(String path) {
    var answer = get(path);
    if (answer.status() == 404
        && answer.json() instanceof JsonObject refusal
        && refusal.containsKey("message")) {
      throw new Failure(Exit.FAILED, message(refusal, answer.body()));
    }
    if (answer.status() != 200) {
      throw new Failure(
          Exit.SERVER_ERROR, "Unexpected answer HTTP " + answer.status() + ": " + answer.body());
    }
    return answer;
  }

  Answer post(String path) {
    return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
  }

  private HttpRequest.Builder request(String path) {
    var password =
        settings
            .password()
            .orElseThrow(
                () ->
                    new Failure(
                        Exit.UNREACHABLE,
                        "No admin password: set CONFIO_ADMIN_PASSWORD (or keep it in"
                            + " $CONFIO_HOME/keys/admin-password)"));
    var credentials = settings.user() + ":" + password;
    return HttpRequest.newBuilder(settings.url().resolve(path))
        .timeout(REQUEST)
        .header("Accept", "application/json")
        .header(
            "Authorization",
            "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }

  private Answer send(HttpRequest.Builder builder) {
    var request = builder.build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new Failure(
          Exit.UNREACHABLE, "Cannot reach the server at " + settings.url() + ": " + reason(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure(Exit.UNREACHABLE, "Interrupted while calling " + request.uri(), e);
    }
    return answer(request.uri(), response.statusCode(), response.body());
  }

  Answer answer(URI uri, int status, String body) {
    if (status == 401 || status == 403) {
      throw new Failure(
          Exit.UNREACHABLE,
          "The server refused the credentials of '"
              + settings.user()
              + "' (HTTP "
              + status
              + "): check CONFIO_ADMIN_USER and CONFIO_ADMIN_PASSWORD");
    }
    var json = parse(uri, status, body);
    if (status == 429) {
      throw new Failure(
          Exit.UNREACHABLE,
          "The server refused '" + settings.user() + "' for now: " + message(json, body));
    }
    if (status == 400) {
      throw new Failure(Exit.USAGE, message(json, body));
    }
    if (status >= 500) {
      throw new Failure(
          Exit.SERVER_ERROR, "The server failed (HTTP " + status + "): " + message(json, body));
    }
    return new Answer(status, body, json);
  }

  private static JsonStructure parse(URI uri, int status, String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.read();
    } catch (JsonException | IllegalStateException e) {
      throw new Failure(
          Exit.SERVER_ERROR,
          "Not a Confío admin API answer from " + uri + " (HTTP " + status + ", not JSON)");
    }
  }

  /** The refusal's text: {@code message} (metrics) or {@code error} (backfill, trust). */
  static String message(JsonStructure json, String body) {
    if (json instanceof JsonObject object) {
      for (var field : new String[] {"message", "error"}) {
        if (object.get(field) instanceof JsonString text) {
          return text.getString();
        }
      }
    }
    return body.strip();
  }

  private static String reason(IOException e) {
    if (e.getMessage() != null) {
      return e.getMessage();
    }
    return e instanceof ConnectException ? "connection refused" : e.getClass().getSimpleName();
  }
}
