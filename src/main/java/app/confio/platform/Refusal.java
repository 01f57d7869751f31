package app.confio.platform;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import java.util.List;
import java.util.Map;

/**
 * A request the caller can correct: bad input, an unknown party, a rule of the domain. Each carries
 * a stable code that GraphQL clients find in {@code extensions.code}; the message is meant for
 * people. Refusals are raised before anything is written, or roll the transaction back.
 *
 * <p>It is a {@link GraphQLError} because graphql-java copies such an exception's extensions into
 * the response; SmallRye's own {@code @ErrorCode} relies on a service loader that does not see the
 * application's classes inside Payara.
 */
public abstract class Refusal extends RuntimeException implements GraphQLError {

  private final String code;

  protected Refusal(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public String code() {
    return code;
  }

  @Override
  public List<SourceLocation> getLocations() {
    return null;
  }

  @Override
  public ErrorClassification getErrorType() {
    return ErrorType.DataFetchingException;
  }

  @Override
  public Map<String, Object> getExtensions() {
    return Map.of("code", code);
  }
}
