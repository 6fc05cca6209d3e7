package dev.sfumato.engine.api;

/** A control call the engine refused; {@link #code()} tells the caller what kind of refusal. */
public class EngineException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a control call failed, coarse enough to map onto an HTTP or protobuf error. */
  public enum Code {
    /** The object named in the call does not exist (any more). */
    NOT_FOUND,
    /** The engine or the worker that owns the object has stopped. */
    CLOSED,
    /** A parameter was missing or out of range. */
    INVALID_ARGUMENT,
    /** A bug or an unexpected failure inside the engine. */
    INTERNAL
  }

  private final Code code;

  public EngineException(Code code, String message) {
    super(message);
    this.code = code;
  }

  public EngineException(Code code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public Code code() {
    return code;
  }

  @Override
  public String toString() {
    return getClass().getName() + "[" + code + "]: " + getMessage();
  }
}
