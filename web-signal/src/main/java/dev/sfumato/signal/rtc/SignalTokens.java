package dev.sfumato.signal.rtc;

import dev.sfumato.rooms.auth.AccessTokenVerifier;
import dev.sfumato.rooms.auth.BearerTokens;
import dev.sfumato.rooms.auth.ClaimGrants;
import dev.sfumato.rooms.auth.TokenException;

/**
 * The access token of a signal request: the {@code access_token} query parameter (browsers cannot
 * set headers on a WebSocket) or {@code Authorization: Bearer}. Checked as LiveKit does before a
 * session starts: valid signature and times, a video grant with roomJoin, a room and an identity.
 */
final class SignalTokens {
  private SignalTokens() {}

  /** Why a token was refused, and the HTTP status LiveKit answers with. */
  static final class Refused extends Exception {
    final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  static String pick(String queryToken, String authorization) {
    if (queryToken != null && !queryToken.isBlank()) {
      return queryToken.trim();
    }
    return BearerTokens.fromHeader(authorization).orElse(null);
  }

  static ClaimGrants verify(AccessTokenVerifier verifier, String token) throws Refused {
    if (token == null) {
      throw new Refused(401, "no access token");
    }
    ClaimGrants claims;
    try {
      claims = verifier.verify(token);
    } catch (TokenException e) {
      throw new Refused(401, "invalid token: " + e.getMessage());
    }
    if (!claims.video().roomJoin()) {
      throw new Refused(401, "permissions denied: the token does not grant roomJoin");
    }
    if (claims.video().room().isEmpty()) {
      throw new Refused(401, "permissions denied: the token names no room");
    }
    if (claims.identity().isEmpty()) {
      throw new Refused(401, "permissions denied: the token has no identity");
    }
    return claims;
  }
}
