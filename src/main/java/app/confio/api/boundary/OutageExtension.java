package app.confio.api.boundary;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import org.eclipse.microprofile.graphql.GraphQLApi;

/** Binds {@link OutageInterceptor} to every {@code @GraphQLApi} class, present and future. */
public class OutageExtension implements Extension {

  <T> void bind(@Observes @WithAnnotations(GraphQLApi.class) ProcessAnnotatedType<T> type) {
    type.configureAnnotatedType().add(Outages.Literal.INSTANCE);
  }
}
