package app.confio.activity.boundary;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import org.eclipse.microprofile.graphql.GraphQLApi;

/**
 * Binds {@link ActivityInterceptor} to every {@code @GraphQLApi} class the container discovers, and
 * refuses a deployment whose {@link TrackedAs} names a transacting kind.
 */
public class TrackingExtension implements Extension {

  <T> void track(@Observes @WithAnnotations(GraphQLApi.class) ProcessAnnotatedType<T> type) {
    for (var method : type.getAnnotatedType().getMethods()) {
      var trackedAs = method.getAnnotation(TrackedAs.class);
      if (trackedAs != null && trackedAs.value().transacting()) {
        throw new DefinitionException(
            method.getJavaMember()
                + " is tracked as "
                + trackedAs.value()
                + ", a transacting kind: fire MoneyMoved when the money moves instead");
      }
    }
    type.configureAnnotatedType().add(Tracked.Literal.INSTANCE);
  }
}
