package app.confio.platform;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of every refusal and failure of the REST side: a stable code for programs (the command
 * line decides its exit code by it) and a sentence for people.
 */
@Schema(name = "Error", description = "Why the request was refused or failed; nothing was changed")
public record ApiError(
    @Schema(
            description = "stable: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN, TOO_MANY_FAILURES, …",
            example = "INVALID_INPUT")
        String code,
    @Schema(description = "for people", example = "days must be between 1 and 3650, not 0")
        String message) {}
