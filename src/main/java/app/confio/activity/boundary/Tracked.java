package app.confio.activity.boundary;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a GraphQL API whose mutations count as activity. Nobody writes it by hand: {@link
 * TrackingExtension} adds it to every {@code @GraphQLApi} class, so a new mutation is tracked the
 * day it is written.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Tracked {

  final class Literal extends AnnotationLiteral<Tracked> implements Tracked {
    public static final Literal INSTANCE = new Literal();
  }
}
