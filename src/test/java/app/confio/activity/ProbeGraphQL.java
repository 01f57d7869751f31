package app.confio.activity;

import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Query;

/**
 * A GraphQL API that only the tests add to the WAR, with no tracking code of its own: proof that a
 * mutation written later is tracked with nothing to do.
 */
@GraphQLApi
@RequestScoped
public class ProbeGraphQL {

  @Mutation
  public String probeMutation() {
    return "pong";
  }

  @Query
  public String probeQuery() {
    return "pong";
  }
}
