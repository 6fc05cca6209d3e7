package dev.sfumato.signal.twirp;

/**
 * A Twirp error on its way to the client. The HTTP status normally follows the code; an oversize
 * body is the one case sent as 413 with code {@code malformed}, which is what proxies and clients
 * alike understand.
 */
public class TwirpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final TwirpCode code;
  private final int httpStatus;

  public TwirpException(TwirpCode code, String message) {
    this(code, code.httpStatus(), message);
  }

  public TwirpException(TwirpCode code, int httpStatus, String message) {
    super(message, null, false, false);
    this.code = code;
    this.httpStatus = httpStatus;
  }

  public TwirpCode code() {
    return code;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
