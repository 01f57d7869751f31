package app.confio.activity.boundary;

import app.confio.activity.entity.ActivityKind;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Optional: names the kind a GraphQL mutation is counted as (for the per-kind counters); without it
 * a mutation counts as {@link ActivityKind#OTHER_MUTATION}. Only app-active kinds are allowed — the
 * interceptor cannot know whether the mutation's money movement will commit — and the deployment
 * fails on anything else.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TrackedAs {
  ActivityKind value();
}
