package app.confio.platform;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses a deployment whose configuration would fail later: every setting against its rule ({@link
 * Settings}), and the token keys — both readable, and the private key signing one token that the
 * public key verifies. Each problem is one SEVERE line naming the setting; then the deployment
 * fails, before any bean starts, so nothing migrates, schedules or joins in with a configuration
 * the member cannot serve with. A member whose deployment failed is never ready: Payara Micro's
 * {@code /health/ready} says DOWN while no application is deployed.
 */
public class ConfigurationCheck implements Extension {

  static final String PUBLIC_KEY = "mp.jwt.verify.publickey.location";
  static final String INLINE_PUBLIC_KEY = "mp.jwt.verify.publickey";
  static final String PRIVATE_KEY = "confio.jwt.private-key.location";
  private static final Logger LOG = Logger.getLogger(ConfigurationCheck.class.getName());

  void check(
      @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) AfterDeploymentValidation event) {
    var config = ConfigProvider.getConfig();
    var problems = problems(name -> config.getConfigValue(name).getValue());
    for (var problem : problems) {
      LOG.severe("Configuration refused: " + problem);
    }
    if (!problems.isEmpty()) {
      event.addDeploymentProblem(
          new DeploymentException(
              "Configuration refused: "
                  + String.join(" ", problems)
                  + " (README, Settings; the server does not start)"));
    }
  }

  /** Each setting's problem and the key pair's; {@code values} answers null for what is unset. */
  public static List<String> problems(Function<String, String> values) {
    var problems = new ArrayList<>(Settings.problems(values));
    var inline = values.apply(INLINE_PUBLIC_KEY);
    var publicSetting = inline != null ? INLINE_PUBLIC_KEY : PUBLIC_KEY;
    var publicKey =
        inline != null
            ? key(INLINE_PUBLIC_KEY, "(inline)", ignored -> TokenKeys.publicKey(inline), problems)
            : key(
                PUBLIC_KEY,
                values.apply(PUBLIC_KEY),
                location -> TokenKeys.publicKey(TokenKeys.read(location)),
                problems);
    var privateLocation = values.apply(PRIVATE_KEY);
    var privateKey = key(PRIVATE_KEY, privateLocation, TokenKeys::readPrivateKey, problems);
    if (publicKey != null && privateKey != null && !TokenKeys.match(privateKey, publicKey)) {
      problems.add(
          PRIVATE_KEY
              + " is \""
              + privateLocation
              + "\", a private key that does not match the public key of "
              + publicSetting
              + ": no token it signs would be accepted.");
    }
    return problems;
  }

  interface Reader<K> {
    K read(String location) throws IOException;
  }

  private static <K> K key(
      String setting, String location, Reader<K> reader, List<String> problems) {
    if (location == null || location.isBlank()) {
      problems.add(
          setting + " is not set: it names a PEM file of the token key pair (README, Keys).");
      return null;
    }
    try {
      return reader.read(location);
    } catch (IOException | RuntimeException e) {
      problems.add(setting + " is \"" + location + "\", " + why(e) + ".");
      return null;
    }
  }

  private static String why(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "a file that does not exist";
    }
    if (e instanceof AccessDeniedException) {
      return "a file this server may not read";
    }
    var message = String.valueOf(e.getMessage());
    return message.startsWith("not ") ? "which is " + message : "which cannot be read: " + message;
  }
}
