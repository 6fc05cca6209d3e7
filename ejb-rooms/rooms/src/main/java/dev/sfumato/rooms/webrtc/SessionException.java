package dev.sfumato.rooms.webrtc;

import jakarta.ejb.ApplicationException;

/**
 * A WHIP/WHEP request the session layer refuses; each code has one HTTP status (RFC 9725). The
 * message is safe to show to the client.
 */
@ApplicationException(rollback = true)
public class SessionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why, with the HTTP status it is answered with. */
  public enum Code {
    BAD_REQUEST(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    CONFLICT(409),
    PRECONDITION_FAILED(412),
    UNSUPPORTED_MEDIA_TYPE(415),
    PRECONDITION_REQUIRED(428),
    UNAVAILABLE(503);

    private final int httpStatus;

    Code(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    public int httpStatus() {
      return httpStatus;
    }
  }

  private final Code code;
  private final int retryAfterSeconds;

  public SessionException(Code code, String message) {
    this(code, message, 0);
  }

  /** A refusal the client may retry after the given delay (sent as Retry-After). */
  public SessionException(Code code, String message, int retryAfterSeconds) {
    super(message, null, false, false);
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public Code code() {
    return code;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
