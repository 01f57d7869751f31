package app.confio.admin;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.confio.testing.DashboardSession;
import app.confio.testing.Deployments;
import app.confio.testing.Http;
import app.confio.testing.Population;
import app.confio.testing.RawHttp;
import app.confio.testing.TestEnvironment;
import app.confio.testing.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin side as an attacker tries it: every spelling of a protected path, a user's token that
 * claims the admin role, a cross-site write riding on an admin's session, and what the public
 * endpoints give away.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminBoundaryIT {

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.withProbes(RolesProbe.class);
  }

  @Test
  void noSpellingOfAnAdminPathReachesItWithoutSigningIn() {
    var variants =
        List.of(
            "//admin/users.xhtml",
            "/%61dmin/users.xhtml",
            "/./admin/users.xhtml",
            "/admin/./users.xhtml",
            "/x/../admin/users.xhtml",
            "/admin//users.xhtml",
            "/admin/%75sers.xhtml",
            "/admin%2Fusers.xhtml",
            "/admin;x/users.xhtml",
            "/admin/users.xhtml;x",
            "/%2e/admin/trust.xhtml",
            "//api/admin/metrics",
            "/api//admin/metrics",
            "/api/%61dmin/metrics",
            "/api/admin;x/metrics",
            "/api/admin/./metrics",
            "/api/x/../admin/metrics/users",
            "/%2561dmin/users.xhtml");
    assertAll(
        variants.stream()
            .map(
                path ->
                    () -> {
                      var answer = RawHttp.send(base, "GET", path);
                      if (answer.status() == 301) {
                        // Grizzly's mapper answers some path parameters itself, before the
                        // application sees the request: a redirect to the bare folder, which
                        // needs a sign-in like every other admin path.
                        var to = answer.header("Location").get(0);
                        assertTrue(to.endsWith("/admin/"), path + " moved to " + to);
                        return;
                      }
                      assertEquals(400, answer.status(), path + ": " + answer.body());
                      assertTrue(answer.body().contains("INVALID_PATH"), path);
                    }));
    var token = "Authorization: Bearer " + adminGroupToken();
    for (var path : List.of("/api/admin;x/metrics", "//api/admin/metrics")) {
      assertEquals(400, RawHttp.send(base, "GET", path, token).status(), path + " with a token");
    }
  }

  @Test
  void normalisedPathsInAnySpellingOfTheirCaseNeedAnAdmin() {
    for (var page : List.of("/admin/users.xhtml", "/ADMIN/users.xhtml", "/Admin/trust.xhtml")) {
      var answer = RawHttp.send(base, "GET", page);
      assertTrue(answer.status() == 302 || answer.status() == 404, page + ": " + answer.status());
      assertFalse(answer.body().contains("users.csv"), page);
    }
    assertEquals(302, RawHttp.send(base, "GET", "/admin/").status());
    for (var resource : List.of("/api/admin/metrics", "/API/admin/metrics", "/api/admin")) {
      assertTrue(
          List.of(401, 404).contains(RawHttp.send(base, "GET", resource).status()), resource);
    }
  }

  /**
   * Every admin page in the WAR and every operation of every admin resource, found by looking (the
   * pages folder, the resource classes' {@code @Path}s), not listed by hand: so a page or a call
   * added tomorrow is tested too. Anonymous callers and a user token claiming the admin role get a
   * redirect to the sign-in (pages) or 401 (API), never the content.
   */
  @Test
  void everyAdminPageAndOperationNeedsAnAdmin() throws Exception {
    var pages = new java.util.ArrayList<String>();
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/webapp/admin"))) {
      files
          .map(f -> f.getFileName().toString())
          .filter(name -> name.endsWith(".xhtml") && !name.equals("login.xhtml"))
          .forEach(name -> pages.add("/admin/" + name));
    }
    assertTrue(pages.size() >= 7, "the growth pages are found too: " + pages);
    var operations = adminOperations();
    assertTrue(operations.size() >= 20, "" + operations);
    assertTrue(operations.contains("GET /api/admin/metrics/lifecycle.csv"), "" + operations);
    var token = "Authorization: Bearer " + adminGroupToken();
    for (var credentials : List.of("X-Nothing: none", token)) {
      for (var page : pages) {
        for (var method : List.of("GET", "POST")) {
          var answer = RawHttp.send(base, method, page + "?id=1&q=1", credentials);
          assertEquals(302, answer.status(), method + " " + page + " " + credentials);
          assertTrue(
              answer.header("Location").get(0).contains("/admin/login.xhtml"),
              page + " " + answer.header("Location"));
        }
      }
      for (var operation : operations) {
        var parts = operation.split(" ", 2);
        var answer = RawHttp.send(base, parts[0], parts[1], credentials);
        assertEquals(401, answer.status(), operation + " " + credentials + ": " + answer.body());
      }
    }
  }

  /** "METHOD /api/admin/…" for every resource method under {@code @Path("admin…")}. */
  static List<String> adminOperations() throws Exception {
    var root = java.nio.file.Path.of("target", "classes");
    var found = new java.util.TreeSet<String>();
    try (var files = java.nio.file.Files.walk(root)) {
      for (var file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        var name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        if (name.contains("$")) {
          continue;
        }
        var type = Class.forName(name, false, AdminBoundaryIT.class.getClassLoader());
        var path = type.getAnnotation(jakarta.ws.rs.Path.class);
        if (path == null || !path.value().replaceAll("^/", "").startsWith("admin")) {
          continue;
        }
        for (var method : type.getMethods()) {
          var verb =
              java.util.stream.Stream.of(
                      jakarta.ws.rs.GET.class,
                      jakarta.ws.rs.POST.class,
                      jakarta.ws.rs.PUT.class,
                      jakarta.ws.rs.DELETE.class)
                  .filter(method::isAnnotationPresent)
                  .map(v -> v.getSimpleName())
                  .findFirst();
          if (verb.isEmpty()) {
            continue;
          }
          var sub = method.getAnnotation(jakarta.ws.rs.Path.class);
          var full =
              ("/api/" + path.value() + (sub == null ? "" : "/" + sub.value()))
                  .replaceAll("/+", "/")
                  .replaceAll("\\{[^}]*}", "1");
          found.add(verb.get() + " " + full);
        }
      }
    }
    return List.copyOf(found);
  }

  @Test
  void anAnonymousFormPostToTheTrustPageStartsNothing() {
    var before = Http.admin(base).get("api/admin/backfill").body();
    var form = "backfill=backfill&backfill%3Astart=&jakarta.faces.ViewState=stateless";
    for (var path : List.of("/admin/trust.xhtml", "//admin/trust.xhtml", "/%61dmin/trust.xhtml")) {
      var answer =
          RawHttp.withBody(
              base, "POST", path, form, "Content-Type: application/x-www-form-urlencoded");
      assertTrue(List.of(302, 400).contains(answer.status()), path + ": " + answer.status());
    }
    assertEquals(before, Http.admin(base).get("api/admin/backfill").body());
  }

  @Test
  void aUserTokenNeverCarriesTheAdminRole() {
    var user = user();
    var token =
        Tokens.forUser(
            Long.toString(user),
            claims -> claims.add("groups", Json.createArrayBuilder().add("user").add("admin")));
    assertEquals(401, Http.anonymous(base).bearer(token).get("api/admin/metrics").statusCode());
    var page = Http.anonymous(base).bearer(token).get("admin/users.xhtml");
    assertEquals(302, page.statusCode());
    var roles = (JsonObject) Http.json(Http.anonymous(base).bearer(token).get("api/probe/roles"));
    assertEquals(
        Long.toString(user),
        roles.getString("caller"),
        "the token is accepted as the user it names");
    assertFalse(roles.getBoolean("admin"), "but its groups claim grants no admin role");
  }

  @Test
  void theSessionCookieIsStrictAndCrossSiteWritesAreRefused() {
    var session = DashboardSession.signIn(base);
    assertTrue(
        session.setCookie().toLowerCase(Locale.ROOT).contains("samesite=strict"),
        session.setCookie());
    assertTrue(session.setCookie().toLowerCase(Locale.ROOT).contains("httponly"));
    var cookie = session.cookie();
    var self = "Origin: http://" + base.getHost() + ":" + base.getPort();
    assertEquals(200, RawHttp.send(base, "GET", "/api/admin/metrics", cookie).status());

    var today = LocalDate.now(TestEnvironment.ZONE);
    var rebuild = "/api/admin/metrics/history/rebuild?from=" + today + "&to=" + today;
    var refused =
        List.of(
            List.of(cookie),
            List.of(cookie, "Origin: http://evil.example"),
            List.of(cookie, "Origin: null"),
            List.of(cookie, "Referer: http://evil.example/x"),
            List.of(cookie, self, "Sec-Fetch-Site: cross-site"));
    for (var headers : refused) {
      var answer = RawHttp.send(base, "POST", rebuild, headers.toArray(String[]::new));
      assertEquals(403, answer.status(), headers + ": " + answer.body());
      assertTrue(answer.body().contains("CROSS_SITE_REQUEST"), answer.body());
    }
    assertEquals(200, RawHttp.send(base, "POST", rebuild, cookie, self).status(), "same origin");
    var referer = "Referer: http://" + base.getHost() + ":" + base.getPort() + "/admin/trust.xhtml";
    assertEquals(200, RawHttp.send(base, "POST", rebuild, cookie, referer).status());
    assertEquals(200, Http.admin(base).post(rebuild.substring(1)).statusCode(), "Basic callers");
  }

  @Test
  void anExpiredViewSendsTheAdminBackToTheLoginPage() {
    var login = RawHttp.send(base, "GET", "/admin/login.xhtml");
    var cookie = "Cookie: " + DashboardSession.cookieOf(login);
    var form =
        "login=login&login%3Ausername=admin&login%3Apassword=x&login%3Asubmit="
            + "&jakarta.faces.ViewState=-123%3A456";
    var type = "Content-Type: application/x-www-form-urlencoded";
    var post = RawHttp.withBody(base, "POST", "/admin/login.xhtml", form, cookie, type);
    assertEquals(302, post.status(), post.body());
    assertTrue(post.header("Location").get(0).endsWith("/admin/login.xhtml"), "" + post.headers());

    var ajax =
        RawHttp.withBody(
            base,
            "POST",
            "/admin/login.xhtml",
            form + "&jakarta.faces.partial.ajax=true&jakarta.faces.source=login%3Asubmit",
            cookie,
            type,
            "Faces-Request: partial/ajax");
    assertTrue(ajax.body().contains("<redirect url=\"/admin/login.xhtml\""), ajax.body());
  }

  @Test
  void investorFiguresAreNotPublic() throws Exception {
    var anonymous = Http.anonymous(base);
    assertEquals(401, anonymous.get("api/admin/prometheus").statusCode());
    var deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    String scrape;
    do {
      scrape = Http.admin(base).get("api/admin/prometheus").body();
      Thread.sleep(200);
    } while (scrape.contains("NaN") && System.nanoTime() < deadline);
    assertTrue(
        Pattern.compile("(?m)^confio_active_users\\{policy=\"app_active\",window=\"30d\"} \\d+$")
            .matcher(scrape)
            .find(),
        scrape);
    assertTrue(scrape.contains("confio_eligible_users "), scrape);

    var metrics = anonymous.get("metrics").body();
    assertFalse(metrics.contains("confio_active_users"), "public /metrics carries no figures");
    assertFalse(metrics.contains("confio_eligible_users"));

    for (var probe : List.of("health", "health/ready", "health/live", "health/started")) {
      var answer = parse(anonymous.get(probe).body());
      assertEquals("UP", answer.getString("status"), probe + ": " + answer);
      for (var check : answer.getJsonArray("checks").getValuesAs(JsonObject.class)) {
        var data = check.getJsonObject("data");
        assertTrue(data == null || data.isEmpty(), probe + " says more than its status: " + check);
      }
    }
    assertEquals(401, anonymous.get("api/admin/health/tracking").statusCode());
    var tracking = (JsonObject) Http.json(Http.admin(base).get("api/admin/health/tracking"));
    assertTrue(tracking.containsKey("checked") || tracking.containsKey("coverage"), "" + tracking);
  }

  @Test
  void developmentToolsAndContainerDetailsAreNotExposed() {
    for (var path :
        List.of("/graphql-ui/", "/graphql-ui/index.html", "/graphql-ui/graphiql.min.js")) {
      assertEquals(404, RawHttp.send(base, "GET", path).status(), path);
    }
    for (var path : List.of("/no-such-page", "/api/no-such-resource", "/no-such-view.xhtml")) {
      var answer = RawHttp.send(base, "GET", path);
      assertTrue(answer.status() >= 400, path);
      assertNeutral(path, answer.body());
    }
    assertNeutral("405", RawHttp.send(base, "DELETE", "/admin/login.xhtml").body());
    assertEquals(404, RawHttp.send(base, "GET", "/api/application.wadl").status());
    assertNeutral("400", RawHttp.send(base, "GET", "//admin/users.xhtml").body());
  }

  private static void assertNeutral(String what, String body) {
    var lower = body.toLowerCase(Locale.ROOT);
    for (var word : List.of("payara", "glassfish", "grizzly", "exception", "jersey", "stack")) {
      assertFalse(lower.contains(word), what + " mentions " + word + ": " + body);
    }
  }

  /** A real user's token, signed with the tests' key, whose groups claim also names admin. */
  private static String adminGroupToken() {
    return Tokens.forUser(
        Long.toString(user()),
        claims -> claims.add("groups", Json.createArrayBuilder().add("user").add("admin")));
  }

  private static long user() {
    try {
      return Population.person(null, null);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }
}
