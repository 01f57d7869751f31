package app.confio.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

  static final Set<String> PROXY = ClientAddress.trusted(List.of("10.0.0.2", " ::1 "));

  static String resolve(String peer, String... forwardedFor) {
    return ClientAddress.resolve(peer, List.of(forwardedFor), PROXY);
  }

  @Test
  void forwardedForIsIgnoredUnlessThePeerIsATrustedProxy() {
    assertEquals("198.51.100.9", resolve("198.51.100.9", "203.0.113.7"));
    assertEquals(
        "198.51.100.9",
        ClientAddress.resolve("198.51.100.9", List.of("203.0.113.7"), Set.of()),
        "no proxy is trusted by default");
    assertEquals("10.0.0.2", ClientAddress.resolve("10.0.0.2", List.of("203.0.113.7"), Set.of()));
  }

  @Test
  void behindATrustedProxyTheHopItVouchesForCounts() {
    assertEquals("203.0.113.7", resolve("10.0.0.2", "203.0.113.7"));
    assertEquals("203.0.113.7", resolve("0:0:0:0:0:0:0:1", "203.0.113.7"), "::1 in any spelling");
    assertEquals(
        "203.0.113.7",
        resolve("10.0.0.2", "1.1.1.1, 203.0.113.7"),
        "what the client wrote itself, left of the proxy's entry, is not believed");
    assertEquals("203.0.113.7", resolve("10.0.0.2", "1.1.1.1", "203.0.113.7, 10.0.0.2"));
    assertEquals("203.0.113.7", resolve("10.0.0.2", "203.0.113.7:4711"));
  }

  @Test
  void aForwardedEntryThatIsNoAddressStopsAtTheProxy() {
    assertEquals("10.0.0.2", resolve("10.0.0.2", "evil.example"));
    assertEquals("10.0.0.2", resolve("10.0.0.2", "203.0.113.7, 999.1.1.1"));
    assertEquals("10.0.0.2", resolve("10.0.0.2", "203.0.113.7, "));
    assertEquals("10.0.0.2", resolve("10.0.0.2"));
  }

  @Test
  void oneAddressIsCountedAsOneWhateverItsSpelling() {
    assertEquals("203.0.113.7", resolve("10.0.0.2", "::ffff:203.0.113.7"));
    assertEquals("2001:db8:0:0:0:0:0:0/64", resolve("10.0.0.2", "[2001:db8::1]:443"));
    assertEquals("2001:db8:0:0:0:0:0:0/64", resolve("2001:0db8:0:0::77"));
  }

  @Test
  void anIpv6ClientIsCountedByItsSlash64() {
    assertEquals(resolve("2001:db8:1:2:aaaa::1"), resolve("2001:db8:1:2:bbbb::2"));
    assertEquals("2001:db8:1:3:0:0:0:0/64", resolve("2001:db8:1:3::1"));
  }

  @Test
  void trustedProxiesMustBeAddresses() {
    assertThrows(IllegalStateException.class, () -> ClientAddress.trusted(List.of("proxy.lan")));
    assertEquals(Set.of("10.0.0.2"), ClientAddress.trusted(List.of("10.0.0.2", "")));
  }
}
