package app.confio.admin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class UserTokenContextTest {

  @Test
  void theAdminRoleIsDroppedInEverySpelling() {
    assertEquals(
        Set.of("user", "staff"),
        UserTokenContext.withoutAdmin(Set.of("user", "admin", "ADMIN", " Admin ", "staff")));
    assertEquals(Set.of(), UserTokenContext.withoutAdmin(null));
  }
}
