package dev.concierge.personalization;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A failure the caller should see as it is: a stable {@link ErrorCode}, a message that says what
 * was wrong, and optionally the input path it concerns (e.g. {@code events[3].occurredAt}).
 */
public class ConciergeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final @Nullable String inputPath;

    public ConciergeException(ErrorCode code, String message, @Nullable String inputPath) {
        super(message);
        this.code = Objects.requireNonNull(code);
        this.inputPath = inputPath;
    }

    public static ConciergeException badInput(String inputPath, String message) {
        return new ConciergeException(ErrorCode.BAD_USER_INPUT, inputPath + ": " + message, inputPath);
    }

    public static ConciergeException notFound(String message) {
        return new ConciergeException(ErrorCode.NOT_FOUND, message, null);
    }

    public static ConciergeException forbidden(String message) {
        return new ConciergeException(ErrorCode.FORBIDDEN, message, null);
    }

    public static ConciergeException unauthenticated(String message) {
        return new ConciergeException(ErrorCode.UNAUTHENTICATED, message, null);
    }

    public static ConciergeException conflict(String message) {
        return new ConciergeException(ErrorCode.CONFLICT, message, null);
    }

    public ErrorCode code() {
        return code;
    }

    public @Nullable String inputPath() {
        return inputPath;
    }
}
