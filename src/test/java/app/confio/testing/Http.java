package app.confio.testing;

import jakarta.json.Json;
import jakarta.json.JsonStructure;
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
import java.util.Base64;

/**
 * Plain HTTP calls against a server under test, with the credentials a test chooses: the admin's
 * Basic credentials, someone else's, a bearer token, or none. Redirects are not followed, so a test
 * sees the redirect to the login page.
 */
public final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade attempt: Payara answers HTTP/1.1
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private final URI base;
  private final String authorization;

  private Http(URI base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  public static Http anonymous(URL base) {
    return new Http(URI.create(base.toString().replaceAll("/?$", "/")), null);
  }

  public static Http admin(URL base) {
    return anonymous(base).basic("admin", TestEnvironment.adminPassword());
  }

  public Http basic(String username, String password) {
    var encoded =
        Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new Http(base, "Basic " + encoded);
  }

  public Http bearer(String token) {
    return new Http(base, "Bearer " + token);
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  public HttpResponse<String> post(String path) {
    return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
  }

  /** GETs {@code path} and reads the JSON body, failing unless the answer is 200. */
  public JsonStructure json(String path) {
    return json(get(path));
  }

  public static JsonStructure json(HttpResponse<String> response) {
    return json(200, response);
  }

  /** Reads the JSON body of an answer, failing unless its status is {@code status}. */
  public static JsonStructure json(int status, HttpResponse<String> response) {
    if (response.statusCode() != status) {
      throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
    }
    return Json.createReader(new StringReader(response.body())).read();
  }

  private HttpRequest.Builder request(String path) {
    var request =
        HttpRequest.newBuilder(base.resolve(path.replaceFirst("^/", "")))
            .timeout(Duration.ofSeconds(120));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return request;
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
