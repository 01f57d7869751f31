package app.confio.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for the admin API in unit tests: answers queued per "METHOD path?query" (the last one
 * repeats), and the requests it received with their Authorization header. The JDK's own server.
 */
final class StubServer implements AutoCloseable {

  record Answer(int status, String body) {}

  private final HttpServer server;
  private final Map<String, Deque<Answer>> answers = new HashMap<>();
  final List<String> requests = new ArrayList<>();
  final List<String> authorizations = new ArrayList<>();

  StubServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  StubServer on(String request, int status, String... bodies) {
    var queue = answers.computeIfAbsent(request, r -> new ArrayDeque<>());
    for (var body : bodies) {
      queue.add(new Answer(status, body));
    }
    return this;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  Map<String, String> env() {
    return Map.of("CONFIO_URL", url(), "CONFIO_ADMIN_PASSWORD", "pw", "HOME", "/nonexistent");
  }

  private synchronized void handle(com.sun.net.httpserver.HttpExchange exchange)
      throws IOException {
    var uri = exchange.getRequestURI();
    var request =
        exchange.getRequestMethod()
            + " "
            + uri.getPath()
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    requests.add(request);
    authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
    var queue = answers.get(request);
    var answer =
        queue == null
            ? new Answer(404, "<html>Not Found</html>")
            : queue.size() > 1 ? queue.poll() : queue.peek();
    var bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    try (var body = exchange.getResponseBody()) {
      body.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
