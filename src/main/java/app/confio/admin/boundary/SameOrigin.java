package app.confio.admin.boundary;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a request that rides on the dashboard's session cookie may change something. Reading is
 * always allowed; a change ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) must name
 * this server as its origin: browsers send {@code Origin} (or at least {@code Referer}) with every
 * cross-site write and no page can forge either. A write that names neither is refused too: fail
 * closed. The server's own name is the {@code Host} the browser addressed, so the check holds
 * behind a proxy that keeps the header.
 */
final class SameOrigin {

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  private SameOrigin() {}

  static boolean safe(HttpServletRequest request) {
    if (SAFE.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
      return true;
    }
    if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
      return false;
    }
    var origin = request.getHeader("Origin");
    var source = origin != null ? origin : request.getHeader("Referer");
    return source != null && sameHost(source, request.getHeader("Host"));
  }

  static boolean sameHost(String source, String host) {
    if (host == null || "null".equals(source)) {
      return false;
    }
    try {
      var uri = URI.create(source);
      var authority = uri.getRawAuthority();
      return uri.getScheme() != null
          && Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
          && authority != null
          && authority.equalsIgnoreCase(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
