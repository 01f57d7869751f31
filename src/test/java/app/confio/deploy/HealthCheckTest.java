package app.confio.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The image's health check passes on 200 only: 503 (DOWN) and no answer at all both fail. */
class HealthCheckTest {

  @Test
  void onlyAnAnswerOf200IsHealthy() throws Exception {
    var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/up", exchange -> answer(exchange, 200));
    server.createContext("/down", exchange -> answer(exchange, 503));
    server.start();
    var base = "http://127.0.0.1:" + server.getAddress().getPort();
    try {
      var closed = "http://127.0.0.1:" + freePort() + "/health/ready";
      assertEquals(
          List.of(true, false, false),
          List.of(
              HealthCheck.healthy(base + "/up"),
              HealthCheck.healthy(base + "/down"),
              HealthCheck.healthy(closed)));
    } finally {
      server.stop(0);
    }
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status)
      throws java.io.IOException {
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  private static int freePort() throws java.io.IOException {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
