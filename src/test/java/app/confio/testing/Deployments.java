package app.confio.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR that {@code mvn package} built, deployed as it ships. */
public final class Deployments {

  /** The production artifact: the file the Dockerfile copies into its image. */
  public static final Path WAR = Path.of("target", "confio-activity.war");

  private Deployments() {}

  public static WebArchive application() {
    if (!Files.exists(WAR)) {
      throw new IllegalStateException("Build the WAR first: integration tests run in mvn verify");
    }
    return ShrinkWrap.create(ZipImporter.class, "ROOT.war")
        .importFrom(WAR.toFile())
        .as(WebArchive.class);
  }

  /** The shipped WAR with test-only probe resources added, and the helpers they use. */
  public static WebArchive withProbes(Class<?>... probes) {
    return application().addClasses(probes).addClass(Burst.class);
  }
}
