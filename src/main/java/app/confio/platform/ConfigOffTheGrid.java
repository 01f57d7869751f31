package app.confio.platform;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.interceptor.Interceptor;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Takes Payara's data-grid config source out of this application's MicroProfile Config before any
 * bean starts, so that no lookup of a setting — on a request or anywhere else — waits for a member
 * of the grid. Payara puts that source (ordinal 160) above the WAR's microprofile-config.properties
 * (100) and asks it, with an unbounded {@code IMap.get}, for every key that a source above it does
 * not hold, whenever the key's cached value runs out: a frozen member owning the key's partition
 * held the asking request until it thawed. The product keeps no setting in the grid ({@code asadmin
 * set-config-property --source cluster}); every setting comes from the environment, system
 * properties, the secrets folder or microprofile-config.properties. Payara's Config hands out its
 * own list of sources, so removing from it is the whole change; where a Payara release no longer
 * allows that, the member says so and serves on as before.
 */
public class ConfigOffTheGrid implements Extension {

  static final String GRID_SOURCE =
      "fish.payara.nucleus.microprofile.config.source.ClusterConfigSource";
  private static final Logger LOG = Logger.getLogger(ConfigOffTheGrid.class.getName());

  void leaveTheGrid(
      @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) BeforeBeanDiscovery event) {
    try {
      if (removeGridSources(ConfigProvider.getConfig().getConfigSources()) == 0) {
        LOG.warning("Payara's data-grid config source was not among the configuration's sources");
      }
    } catch (UnsupportedOperationException e) {
      LOG.warning(
          "Payara's data-grid config source could not be removed: a setting no other source holds"
              + " is looked up in the data grid, where a frozen member holds the request up"
              + " (README, Failure modes)");
    }
  }

  /** Removes the grid-backed sources, answering how many; never asks one for a value. */
  static int removeGridSources(Iterable<ConfigSource> sources) {
    var removed = 0;
    for (var each = sources.iterator(); each.hasNext(); ) {
      if (GRID_SOURCE.equals(each.next().getClass().getName())) {
        each.remove();
        removed++;
      }
    }
    return removed;
  }
}
