package app.confio.admin.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SameOriginTest {

  @Test
  void theServersOwnOriginMatches() {
    assertTrue(SameOrigin.sameHost("http://localhost:8080", "localhost:8080"));
    assertTrue(SameOrigin.sameHost("https://confio.app", "CONFIO.app"));
    assertTrue(SameOrigin.sameHost("http://localhost:8080/admin/trust.xhtml", "localhost:8080"));
  }

  @Test
  void anyOtherOriginDoesNot() {
    assertFalse(SameOrigin.sameHost("http://evil.example", "localhost:8080"));
    assertFalse(SameOrigin.sameHost("http://localhost:8081", "localhost:8080"));
    assertFalse(SameOrigin.sameHost("http://localhost:8080.evil.example", "localhost:8080"));
    assertFalse(SameOrigin.sameHost("http://user@localhost:8080", "localhost:8080"));
    assertFalse(SameOrigin.sameHost("null", "localhost:8080"));
    assertFalse(SameOrigin.sameHost("file:///etc/passwd", "localhost:8080"));
    assertFalse(SameOrigin.sameHost("//localhost:8080", "localhost:8080"));
    assertFalse(SameOrigin.sameHost("not a url", "localhost:8080"));
    assertFalse(SameOrigin.sameHost("http://localhost:8080", null));
  }
}
