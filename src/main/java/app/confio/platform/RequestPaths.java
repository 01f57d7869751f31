package app.confio.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one reading of a request's path that security decisions use. The raw request URI is what the
 * client sent ({@code //admin/x}, {@code /%61dmin/x}, {@code /admin;x/y}); the container decodes
 * and normalises it before it maps a servlet, so a decision taken on the raw URI and a page served
 * from the normalised one can disagree. Decisions are therefore taken on the container's own result
 * (servlet path plus path info), and a raw path that is not already in normal form is refused
 * outright: no legitimate client of this product sends one.
 */
public final class RequestPaths {

  /**
   * What a normalised path never holds: an empty or dot segment, a path parameter, a backslash, a
   * control character, or a percent-encoding of anything that needs none (letters, digits, {@code
   * -._~}) or that changes the path's structure ({@code / \ ; %} and dots).
   */
  private static final Pattern NOT_NORMAL =
      Pattern.compile(
          "//|/\\.\\.?(/|$)|;|\\\\|[\\x00-\\x1f\\x7f]"
              + "|%(?![0-9A-Fa-f]{2})"
              + "|%(3[0-9]|[46][1-9A-Fa-f]|[57][0-9Aa]|2[DdEeFf]|5[CcFf]|7[Ee]|3[Bb]|25|00)",
          0);

  private RequestPaths() {}

  /** True when {@code rawPath} (the request URI without query) is already in normal form. */
  public static boolean normalised(String rawPath) {
    return rawPath != null && rawPath.startsWith("/") && !NOT_NORMAL.matcher(rawPath).find();
  }

  /** The raw request URI of {@code request} is in normal form. */
  public static boolean normalised(HttpServletRequest request) {
    return normalised(request.getRequestURI());
  }

  /**
   * The path inside the application as the container mapped it: decoded, normalised, without path
   * parameters, in lower case so that no spelling of a protected prefix slips past a comparison.
   */
  public static String of(HttpServletRequest request) {
    var servletPath = request.getServletPath();
    var pathInfo = request.getPathInfo();
    var path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
    return path.toLowerCase(Locale.ROOT);
  }

  /** {@code path} is {@code prefix} itself or below it. */
  public static boolean within(String path, String prefix) {
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }
}
