package app.confio.faults;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

/**
 * Test-only REST resource, added to the WAR by {@link DatabaseOutageIT}: a request that holds its
 * place in the member until the test creates the file it names (or two minutes pass), so the test
 * can fill every place deterministically, without a slow operation whose speed it must guess.
 */
@RequestScoped
@Path("hold-probe")
@Produces(MediaType.TEXT_PLAIN)
public class HoldProbe {

  @POST
  public String hold(@QueryParam("until") String file) throws InterruptedException {
    var released = java.nio.file.Path.of(file);
    var deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!Files.exists(released)) {
      if (System.nanoTime() > deadline) {
        return "TIMEOUT";
      }
      Thread.sleep(20);
    }
    return "RELEASED";
  }
}
