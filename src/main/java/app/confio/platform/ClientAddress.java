package app.confio.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the current request comes from, as sign-in throttling counts it. That is the connection's
 * peer; {@code X-Forwarded-For} is believed only when the peer is one of the reverse proxies that
 * {@code confio.http.trusted-proxies} names, and then only as far back as the last hop a trusted
 * proxy vouches for. Anyone else could write any address there, and so escape their own count.
 */
@RequestScoped
public class ClientAddress {

  static final String FORWARDED_FOR = "X-Forwarded-For";

  @Inject HttpServletRequest request;

  // Optional<List<String>> fails in Payara's config producer (a ClassCastException on injection).
  @Inject
  @ConfigProperty(name = "confio.http.trusted-proxies")
  Optional<String> trustedProxies;

  private Set<String> trusted;

  @PostConstruct
  void trust() {
    trusted = trusted(List.of(trustedProxies.orElse("").split(",")));
  }

  /** The address throttling counts: an IPv4 address, or the /64 network of an IPv6 one. */
  public String value() {
    return resolve(
        request.getRemoteAddr(), Collections.list(request.getHeaders(FORWARDED_FOR)), trusted);
  }

  static Set<String> trusted(List<String> proxies) {
    return proxies.stream()
        .map(String::strip)
        .filter(proxy -> !proxy.isEmpty())
        .map(
            proxy ->
                IpAddress.parse(proxy)
                    .orElseThrow(
                        () ->
                            new IllegalStateException(
                                "confio.http.trusted-proxies lists IP addresses, not " + proxy)))
        .map(IpAddress::text)
        .collect(Collectors.toUnmodifiableSet());
  }

  static String resolve(String peer, List<String> forwardedFor, Set<String> trusted) {
    var hop = IpAddress.parse(peer).orElse(null);
    if (hop == null) {
      return peer;
    }
    var entries =
        forwardedFor.stream().flatMap(header -> List.of(header.split(",")).stream()).toList();
    for (var i = entries.size() - 1; i >= 0 && trusted.contains(hop.text()); i--) {
      var entry = IpAddress.parse(entries.get(i));
      if (entry.isEmpty()) {
        break; // not an address: believe nothing a trusted proxy did not write
      }
      hop = entry.get();
    }
    return hop.bucket();
  }
}
