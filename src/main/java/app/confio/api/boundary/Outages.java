package app.confio.api.boundary;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a GraphQL API whose failures caused by the database are answered as {@code UNAVAILABLE}
 * ({@link OutageInterceptor}). {@link OutageExtension} adds it to every {@code @GraphQLApi} class.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Outages {

  final class Literal extends AnnotationLiteral<Outages> implements Outages {
    public static final Literal INSTANCE = new Literal();
  }
}
