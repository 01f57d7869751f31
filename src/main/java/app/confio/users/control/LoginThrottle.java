package app.confio.users.control;

import app.confio.platform.Attempts;
import app.confio.platform.Throttle;
import app.confio.users.entity.Phone;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down and then locks out password guessing at {@code login}, counted in the data grid per
 * phone number (whether anybody has it or not) and per client address. A phone is slowed down after
 * a few attempts and locked out after more; an address, which many people behind one NAT may share,
 * has a higher limit and is only locked out. A success forgives the phone's attempts but takes back
 * only its own from the address, so one good account does not clear an address's count.
 */
@ApplicationScoped
public class LoginThrottle {

  @Inject Throttle throttle;

  @Inject
  @ConfigProperty(name = "confio.login.phone.max-failures", defaultValue = "10")
  int phoneMaxFailures;

  @Inject
  @ConfigProperty(name = "confio.login.address.max-failures", defaultValue = "100")
  int addressMaxFailures;

  @Inject
  @ConfigProperty(name = "confio.login.free-failures", defaultValue = "3")
  int freeFailures;

  @Inject
  @ConfigProperty(name = "confio.login.backoff", defaultValue = "PT1S")
  Duration backoff;

  @Inject
  @ConfigProperty(name = "confio.login.phone.lockout", defaultValue = "PT15M")
  Duration phoneLockout;

  @Inject
  @ConfigProperty(name = "confio.login.address.lockout", defaultValue = "PT15M")
  Duration addressLockout;

  private Attempts.Limits perPhone;
  private Attempts.Limits perAddress;

  @PostConstruct
  void limits() {
    perPhone = new Attempts.Limits(phoneMaxFailures, freeFailures, backoff, phoneLockout);
    perAddress =
        new Attempts.Limits(addressMaxFailures, addressMaxFailures, Duration.ZERO, addressLockout);
  }

  /** Counts an attempt for {@code phone} from {@code address}; how long to wait if refused. */
  public Optional<Duration> attempt(Phone phone, String address) {
    var byPhone = throttle.attempt(phoneKey(phone), perPhone);
    if (byPhone.isPresent()) {
      return byPhone;
    }
    var byAddress = throttle.attempt(addressKey(address), perAddress);
    if (byAddress.isPresent()) {
      throttle.release(phoneKey(phone)); // a locked-out address does not count against phones
    }
    return byAddress;
  }

  /** The attempt let through failed its check: the phone's back-off starts now. */
  public void failed(Phone phone) {
    throttle.failed(phoneKey(phone));
  }

  public void succeeded(Phone phone, String address) {
    throttle.forgive(phoneKey(phone));
    throttle.release(addressKey(address));
  }

  private static String phoneKey(Phone phone) {
    return "login-phone|" + phone.value();
  }

  private static String addressKey(String address) {
    return "login-address|" + address;
  }
}
