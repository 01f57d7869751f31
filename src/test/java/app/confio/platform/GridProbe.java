package app.confio.platform;

import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Test-only REST resource, added to the WAR by the cluster test: what the application's
 * MicroProfile Config is made of and answers, a value written where Payara's data-grid config
 * source would read it, and whether the grid has settled (no partition migrating).
 */
@RequestScoped
@Path("probe/grid")
@Produces(MediaType.TEXT_PLAIN)
public class GridProbe {

  /** The map Payara's {@code ClusterConfigSource} reads, one entry a setting. */
  static final String CONFIG_MAP = "payara.microprofile.config";

  @Resource(lookup = "payara/Hazelcast")
  HazelcastInstance hazelcast;

  /** The class of each of the Config's sources, one a line; asks none of them for a value. */
  @GET
  @Path("config-sources")
  public String configSources() {
    return StreamSupport.stream(ConfigProvider.getConfig().getConfigSources().spliterator(), false)
        .map(source -> source.getClass().getName())
        .collect(Collectors.joining("\n"));
  }

  /** The setting's value as the application reads it, empty when it has none. */
  @GET
  @Path("setting")
  public String setting(@QueryParam("name") String name) {
    return ConfigProvider.getConfig().getOptionalValue(name, String.class).orElse("");
  }

  @POST
  @Path("setting-in-the-grid")
  public String putInTheGrid(@QueryParam("name") String name, @QueryParam("value") String value) {
    hazelcast.getMap(CONFIG_MAP).set(name, value);
    return value;
  }

  @GET
  @Path("settled")
  public String settled() {
    return Boolean.toString(hazelcast.getPartitionService().isClusterSafe());
  }
}
