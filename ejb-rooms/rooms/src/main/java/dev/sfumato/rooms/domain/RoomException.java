package dev.sfumato.rooms.domain;

import jakarta.ejb.ApplicationException;

/**
 * A request the room layer refuses. The code maps one to one onto Twirp error codes; the message is
 * safe to show to the caller.
 */
@ApplicationException(rollback = true)
public class RoomException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a room operation failed. */
  public enum Code {
    NOT_FOUND,
    INVALID_ARGUMENT,
    ALREADY_EXISTS,
    UNAVAILABLE,
    /** A limit was reached (room full). */
    RESOURCE_EXHAUSTED,
    /** The caller's grants do not allow it. */
    PERMISSION_DENIED,
    INTERNAL
  }

  private final Code code;

  public RoomException(Code code, String message) {
    super(message);
    this.code = code;
  }

  public RoomException(Code code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public Code code() {
    return code;
  }
}
