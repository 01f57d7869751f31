package app.confio.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 requests written byte for byte, for paths that an HTTP client library would tidy up
 * before sending ({@code //admin}, {@code /./admin}, {@code /%61dmin}, {@code /admin;x}): what an
 * attacker sends is exactly what the server receives.
 */
public final class RawHttp {

  private RawHttp() {}

  /** The answer's status, headers (as sent) and body. */
  public record Answer(int status, List<String> headers, String body) {

    public List<String> header(String name) {
      var prefix = name.toLowerCase(Locale.ROOT) + ":";
      return headers.stream()
          .filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
          .map(h -> h.substring(prefix.length()).strip())
          .toList();
    }
  }

  public static Answer send(URL base, String method, String rawPath, String... headerLines) {
    return withBody(base, method, rawPath, null, headerLines);
  }

  public static Answer withBody(
      URL base, String method, String rawPath, String body, String... headerLines) {
    var host = base.getHost() + ":" + base.getPort();
    var request = new StringBuilder(method + " " + rawPath + " HTTP/1.1\r\nHost: " + host + "\r\n");
    for (var line : headerLines) {
      request.append(line).append("\r\n");
    }
    var content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (body != null) {
      request.append("Content-Length: ").append(content.length).append("\r\n");
    }
    request.append("Connection: close\r\n\r\n");
    try (var socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(60_000);
      var out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      var bytes = new ByteArrayOutputStream();
      socket.getInputStream().transferTo(bytes);
      return parse(bytes.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Answer parse(String answer) {
    var end = answer.indexOf("\r\n\r\n");
    var head = (end < 0 ? answer : answer.substring(0, end)).split("\r\n");
    var status = Integer.parseInt(head[0].split(" ")[1]);
    var headers = new ArrayList<>(List.of(head).subList(1, head.length));
    var body = end < 0 ? "" : answer.substring(end + 4);
    return new Answer(status, headers, body);
  }
}
