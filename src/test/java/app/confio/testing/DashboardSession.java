package app.confio.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An admin signed in on the dashboard's login page over raw HTTP, keeping its cookies as a browser
 * does: every cookie a member sets is sent with the next request, to whichever member. (A
 * distributable session comes with {@code JSESSIONIDVERSION} beside {@code JSESSIONID}: the member
 * that gets a request uses it to tell whether its copy of the session is the latest.)
 */
public final class DashboardSession {

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
  private static final String FORM = "Content-Type: application/x-www-form-urlencoded";

  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String sessionSetCookie;

  private DashboardSession() {}

  /** Signs the test environment's admin in on {@code base}. */
  public static DashboardSession signIn(URL base) {
    var session = new DashboardSession();
    var page = session.get(base, "/admin/login.xhtml");
    var signedIn =
        session.post(
            base,
            "/admin/login.xhtml",
            "login=login&login%3Ausername=admin&login%3Apassword="
                + encode(TestEnvironment.adminPassword())
                + "&login%3Asubmit=&jakarta.faces.ViewState="
                + encode(viewState(page)));
    assertEquals(302, signedIn.status(), signedIn.body());
    session.sessionSetCookie =
        signedIn.header("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .reduce((first, last) -> last)
            .orElseThrow(() -> new AssertionError("No new session cookie: " + signedIn.headers()));
    return session;
  }

  public RawHttp.Answer get(URL base, String path) {
    return keep(RawHttp.send(base, "GET", path, cookie()));
  }

  /** Posts an urlencoded {@code form}. */
  public RawHttp.Answer post(URL base, String path, String form) {
    return keep(RawHttp.withBody(base, "POST", path, form, cookie(), FORM));
  }

  /** The {@code Cookie} header line this session sends now. */
  public String cookie() {
    return "Cookie: "
        + cookies.entrySet().stream()
            .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
            .collect(Collectors.joining("; "));
  }

  /** The whole {@code Set-Cookie} header that carried the signed-in session's id. */
  public String setCookie() {
    return sessionSetCookie;
  }

  private RawHttp.Answer keep(RawHttp.Answer answer) {
    for (var setCookie : answer.header("Set-Cookie")) {
      var pair = setCookie.split(";")[0];
      var equals = pair.indexOf('=');
      cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
    }
    return answer;
  }

  /** The Faces view state of a page, which a post back from it must carry. */
  public static String viewState(RawHttp.Answer page) {
    var state = VIEW_STATE.matcher(page.body());
    assertTrue(state.find(), page.body());
    return state.group(1);
  }

  public static String cookieOf(RawHttp.Answer answer) {
    return answer.header("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID="))
        .map(c -> c.split(";")[0])
        .findFirst()
        .orElseThrow(() -> new AssertionError("No session cookie: " + answer.headers()));
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
