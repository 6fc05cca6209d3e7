package dev.sfumato.rooms.auth;

import java.util.Objects;

/**
 * An access token was refused. The message says why in words safe to return to the client that sent
 * the token: it never contains a secret, and never echoes the token or other peer input.
 */
public final class TokenException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why a token was refused; a signalling layer maps each reason to a status (401 for all). */
  public enum Reason {
    /** Not a compact JWS, bad base64url or JSON, a claim of the wrong type, no expiry, too long. */
    MALFORMED,
    /** {@code iss} is missing or names no configured API key. */
    UNKNOWN_KEY,
    /** The HS256 signature does not match the secret of the key named by {@code iss}. */
    BAD_SIGNATURE,
    /** {@code alg} is anything but HS256 (including "none"). */
    UNSUPPORTED_ALGORITHM,
    /** {@code exp} is more than the leeway in the past. */
    EXPIRED,
    /** {@code nbf} is more than the leeway in the future. */
    NOT_YET_VALID
  }

  private final Reason reason;

  public TokenException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
