package app.confio.platform;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestPathsTest {

  @Test
  void pathsInNormalFormPass() {
    var normal =
        List.of(
            "/",
            "/admin/",
            "/admin/users.xhtml",
            "/api/admin/metrics/users.csv",
            "/graphql",
            "/graphql/schema.graphql",
            "/jakarta.faces.resource/primefaces.js.xhtml",
            "/admin/caf%C3%A9",
            "/a%20b",
            "/.well-known/x");
    assertAll(normal.stream().map(path -> () -> assertTrue(RequestPaths.normalised(path), path)));
  }

  @Test
  void everySpellingThatTheContainerWouldRewriteIsRefused() {
    var rewritten =
        List.of(
            "//admin/users.xhtml",
            "/admin//users.xhtml",
            "/./admin/users.xhtml",
            "/admin/./users.xhtml",
            "/x/../admin/users.xhtml",
            "/admin/..",
            "/admin/.",
            "/%61dmin/users.xhtml",
            "/%41dmin/users.xhtml",
            "/admin/%75sers.xhtml",
            "/admin/users%2exhtml",
            "/admin%2Fusers.xhtml",
            "/admin%2fusers.xhtml",
            "/%2e/admin/users.xhtml",
            "/%2E%2E/admin/users.xhtml",
            "/admin%5cusers.xhtml",
            "/admin\\users.xhtml",
            "/admin;x/users.xhtml",
            "/admin/users.xhtml;jsessionid=1",
            "/api/admin;x/metrics",
            "/api/admin/metrics;",
            "/%2561dmin/users.xhtml",
            "/admin/%3b/users.xhtml",
            "/admin/users%00.xhtml",
            "/admin/%7Eroot",
            "/admin/%5F",
            "/admin/%30",
            "/admin/%zz",
            "/admin/%",
            "/api/%2D",
            "admin/users.xhtml",
            "");
    assertAll(
        rewritten.stream().map(path -> () -> assertFalse(RequestPaths.normalised(path), path)));
    assertFalse(RequestPaths.normalised((String) null));
  }

  @Test
  void withinMatchesThePrefixAndWhatIsBelowIt() {
    assertTrue(RequestPaths.within("/admin", "/admin"));
    assertTrue(RequestPaths.within("/admin/users.xhtml", "/admin"));
    assertFalse(RequestPaths.within("/administrator", "/admin"));
    assertFalse(RequestPaths.within("/api/adminx/metrics", "/api/admin"));
  }
}
