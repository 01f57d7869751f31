package app.confio.admin.control;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The dashboard's open sign-ins, in the data grid: an HTTP session counts as an admin's only while
 * the sign-in it names is open here. Sessions are replicated between members, but ending one
 * (signing out) removes it only from the store and from the member that ended it: another member
 * that holds a copy would go on serving it to anyone with the cookie. Closing the sign-in here ends
 * it on every member at once.
 */
@ApplicationScoped
public class DashboardSignIns {

  static final String MAP = "confio-dashboard-sign-ins";

  /** As long as an idle HTTP session lasts (web.xml's session-timeout); every request renews it. */
  static final long IDLE_MINUTES = 30;

  private static final SecureRandom RANDOM = new SecureRandom();

  @Resource(lookup = "payara/Hazelcast")
  HazelcastInstance hazelcast;

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
    open.set(id, username, 0, TimeUnit.SECONDS, IDLE_MINUTES, TimeUnit.MINUTES);
    return id;
  }

  /** The admin whose sign-in {@code id} is, while it is open. */
  public Optional<String> admin(String id) {
    return Optional.ofNullable(open.get(id));
  }

  public void close(String id) {
    open.delete(id);
  }
}
