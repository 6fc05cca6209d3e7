package dev.sfumato.signal.twirp;

import dev.sfumato.rooms.auth.AccessTokenVerifier;
import dev.sfumato.rooms.auth.BearerTokens;
import dev.sfumato.rooms.auth.ClaimGrants;
import dev.sfumato.rooms.auth.TokenException;
import dev.sfumato.rooms.auth.VideoGrant;
import java.util.function.Predicate;

/** Bearer-token checks of the admin API, with the Twirp codes LiveKit answers them with. */
final class TwirpAuth {
  private TwirpAuth() {}

  static ClaimGrants authenticate(String authorization, AccessTokenVerifier verifier) {
    if (authorization == null || authorization.isBlank()) {
      throw new TwirpException(TwirpCode.UNAUTHENTICATED, "authorization header is missing");
    }
    String token =
        BearerTokens.fromHeader(authorization)
            .orElseThrow(
                () ->
                    new TwirpException(
                        TwirpCode.UNAUTHENTICATED, "authorization header must be a Bearer token"));
    try {
      return verifier.verify(token);
    } catch (TokenException e) {
      throw new TwirpException(TwirpCode.UNAUTHENTICATED, "invalid token: " + e.getMessage());
    }
  }

  static void require(ClaimGrants claims, Predicate<VideoGrant> grant, String grantName) {
    VideoGrant video = claims.video();
    if (video == null || !grant.test(video)) {
      throw new TwirpException(
          TwirpCode.PERMISSION_DENIED,
          "permissions denied: the token lacks the " + grantName + " grant");
    }
  }
}
