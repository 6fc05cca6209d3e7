package dev.sfumato.rooms.auth;

import java.util.Optional;

/** Reads the token out of an HTTP {@code Authorization: Bearer …} header (RFC 6750 §2.1). */
public final class BearerTokens {
  private static final String SCHEME = "bearer ";

  private BearerTokens() {}

  /** The token, or empty when the header is absent, of another scheme, or has no token. */
  public static Optional<String> fromHeader(String authorization) {
    if (authorization == null
        || authorization.length() <= SCHEME.length()
        || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return Optional.empty();
    }
    String token = authorization.substring(SCHEME.length()).trim();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }
}
