package dev.sfumato.signal.twirp;

/**
 * Twirp error codes with the HTTP status each one travels with (Twirp wire protocol v7, "Error
 * codes"). Clients read the code from the JSON body, so the pairing must be exact.
 */
public enum TwirpCode {
  MALFORMED("malformed", 400),
  INVALID_ARGUMENT("invalid_argument", 400),
  BAD_ROUTE("bad_route", 404),
  NOT_FOUND("not_found", 404),
  UNAUTHENTICATED("unauthenticated", 401),
  PERMISSION_DENIED("permission_denied", 403),
  ALREADY_EXISTS("already_exists", 409),
  FAILED_PRECONDITION("failed_precondition", 412),
  RESOURCE_EXHAUSTED("resource_exhausted", 429),
  UNIMPLEMENTED("unimplemented", 501),
  UNAVAILABLE("unavailable", 503),
  INTERNAL("internal", 500);

  private final String wireName;
  private final int httpStatus;

  TwirpCode(String wireName, int httpStatus) {
    this.wireName = wireName;
    this.httpStatus = httpStatus;
  }

  public String wireName() {
    return wireName;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
