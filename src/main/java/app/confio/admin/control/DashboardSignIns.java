package app.confio.admin.control;

import app.confio.platform.GridCalls;
import app.confio.platform.UnavailableException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The dashboard's open sign-ins, in the data grid: an HTTP session counts as an admin's only while
 * the sign-in it names is open here. Sessions are replicated between members, but ending one
 * (signing out) removes it only from the store and from the member that ended it: another member
 * that holds a copy would go on serving it to anyone with the cookie. Closing the sign-in here ends
 * it on every member at once.
 *
 * <p>Every call is bounded ({@link GridCalls}, {@code confio.grid.sign-in-timeout}): a sign-in
 * whose entry lives on a member that does not answer (frozen, cut off) is not known to be open, so
 * the session is not an admin's for that request — it fails closed, to the sign-in page — and a new
 * sign-in that cannot be written is refused as unavailable rather than held.
 */
@ApplicationScoped
public class DashboardSignIns {

  static final String MAP = "confio-dashboard-sign-ins";

  /** As long as an idle HTTP session lasts (web.xml's session-timeout); every request renews it. */
  static final long IDLE_MINUTES = 30;

  private static final SecureRandom RANDOM = new SecureRandom();

  @Resource(lookup = "payara/Hazelcast")
  HazelcastInstance hazelcast;

  @Inject GridCalls grid;

  @Inject
  @ConfigProperty(name = "confio.grid.sign-in-timeout", defaultValue = "PT1S")
  Duration wait;

  private IMap<String, String> open;

  @PostConstruct
  void connect() {
    open = hazelcast.getMap(MAP);
  }

  /** Opens a sign-in of {@code username} and answers its id, for the HTTP session to keep. */
  public String open(String username) {
    var bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    var id = HexFormat.of().formatHex(bytes);
    var written =
        grid.within(
            GridCalls.Operation.DASHBOARD_SIGN_IN,
            () -> {
              open.set(id, username, 0, TimeUnit.SECONDS, IDLE_MINUTES, TimeUnit.MINUTES);
              return true;
            },
            wait,
            false,
            () -> false);
    if (!written) {
      throw new UnavailableException();
    }
    return id;
  }

  /** The admin whose sign-in {@code id} is, while it is open and the grid answers in time. */
  public Optional<String> admin(String id) {
    return grid.within(
        GridCalls.Operation.DASHBOARD_SIGN_IN,
        () -> Optional.ofNullable(open.get(id)),
        wait,
        Optional.empty(),
        Optional::empty);
  }

  /**
   * Closes the sign-in on every member, waiting for the grid at most the same bound; a delete that
   * takes longer still completes, and the caller's own session ends at once either way.
   */
  public void close(String id) {
    grid.within(
        GridCalls.Operation.DASHBOARD_SIGN_OUT,
        () -> {
          open.delete(id);
          return true;
        },
        wait,
        false,
        () -> false);
  }
}
