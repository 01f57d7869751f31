package app.confio.platform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Collection;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * A request parameter outside its Bean Validation constraint is bad input like any other: 400
 * {@code INVALID_INPUT}, in the one body every refusal has ({@link RefusalMapper}). Each
 * constraint's message names its parameter and the range ({@code days must be between 1 and 3650});
 * the value refused is added. A violation by anything but a request's parameter is the server's
 * fault, and answers as one ({@link FailureMapper}).
 */
@Provider
public class ViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  private final RefusalMapper refusals = new RefusalMapper();
  private final FailureMapper failures = new FailureMapper();

  @Override
  public Response toResponse(ConstraintViolationException violation) {
    var violations = violation.getConstraintViolations();
    if (violations == null
        || violations.isEmpty()
        || !violations.stream().allMatch(ViolationMapper::ofParameter)) {
      return failures.toResponse(violation);
    }
    return refusals.toResponse(new InvalidInputException(sentence(violations)));
  }

  /** One sentence for all of them, in a stable order: {@code days must be … , not 0}. */
  static String sentence(Collection<? extends ConstraintViolation<?>> violations) {
    return violations.stream()
        .map(
            v ->
                v.getMessage()
                    + (v.getInvalidValue() == null ? "" : ", not " + v.getInvalidValue()))
        .sorted()
        .collect(Collectors.joining("; "));
  }

  private static boolean ofParameter(ConstraintViolation<?> violation) {
    return StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
        .anyMatch(node -> node.getKind() == ElementKind.PARAMETER);
  }
}
