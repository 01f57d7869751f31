package app.confio.platform;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IP address in one spelling, whatever its text looked like ({@code ::1} and {@code
 * 0:0:0:0:0:0:0:1}, {@code ::ffff:10.0.0.1} and {@code 10.0.0.1}, with a port or brackets or not).
 * Only literals are parsed, never names, so nothing here asks DNS.
 */
record IpAddress(InetAddress address) {

  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV4_WITH_PORT = Pattern.compile("([0-9.]+):\\d{1,5}");
  private static final Pattern BRACKETED = Pattern.compile("\\[([0-9A-Fa-f:.]+)](:\\d{1,5})?");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  static Optional<IpAddress> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    var literal = text.strip();
    var bracketed = BRACKETED.matcher(literal);
    var withPort = IPV4_WITH_PORT.matcher(literal);
    if (bracketed.matches()) {
      literal = bracketed.group(1);
    } else if (withPort.matches()) {
      literal = withPort.group(1);
    }
    if (!IPV4.matcher(literal).matches() && !IPV6.matcher(literal).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new IpAddress(InetAddress.getByName(literal)));
    } catch (UnknownHostException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  String text() {
    return address.getHostAddress();
  }

  /**
   * What one client is counted as: its IPv4 address, or its IPv6 /64, since one subscriber is
   * usually given a whole /64 and could otherwise change address with every guess.
   */
  String bucket() {
    if (!(address instanceof Inet6Address)) {
      return text();
    }
    var network = Arrays.copyOf(address.getAddress(), 16);
    Arrays.fill(network, 8, 16, (byte) 0);
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/64";
    } catch (UnknownHostException e) {
      throw new IllegalStateException("16 bytes are always an IPv6 address", e);
    }
  }
}
