package dev.sfumato.signal.twirp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sfumato.rooms.auth.AccessTokenMinter;
import dev.sfumato.rooms.auth.AccessTokenVerifier;
import dev.sfumato.rooms.auth.ApiKeys;
import dev.sfumato.rooms.auth.ClaimGrants;
import dev.sfumato.rooms.auth.VideoGrant;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class TwirpAuthTest {
  private final ApiKeys keys = ApiKeys.development();
  private final AccessTokenVerifier verifier = new AccessTokenVerifier(keys, Clock.systemUTC());
  private final AccessTokenMinter minter =
      AccessTokenMinter.forKey(keys, ApiKeys.DEVELOPMENT_KEY, Clock.systemUTC());

  @Test
  void acceptsABearerTokenInAnyCase() {
    String jwt =
        minter.mint(
            ClaimGrants.builder().video(VideoGrant.builder().roomList(true).build()).build());
    assertThat(TwirpAuth.authenticate("bearer " + jwt, verifier).video().roomList()).isTrue();
    assertThat(TwirpAuth.authenticate("Bearer " + jwt, verifier).video().roomList()).isTrue();
  }

  @Test
  void missingOrBrokenCredentialsAreUnauthenticated() {
    for (String header : new String[] {null, "", "Basic abc", "Bearer", "Bearer not.a.jwt"}) {
      assertThatThrownBy(() -> TwirpAuth.authenticate(header, verifier))
          .as(String.valueOf(header))
          .isInstanceOfSatisfying(
              TwirpException.class, e -> assertThat(e.code()).isEqualTo(TwirpCode.UNAUTHENTICATED));
    }
  }

  @Test
  void aMissingGrantIsPermissionDenied() {
    ClaimGrants claims =
        ClaimGrants.builder().video(VideoGrant.builder().roomList(true).build()).build();
    TwirpAuth.require(claims, VideoGrant::roomList, "roomList");
    assertThatThrownBy(() -> TwirpAuth.require(claims, VideoGrant::roomCreate, "roomCreate"))
        .isInstanceOfSatisfying(
            TwirpException.class,
            e -> {
              assertThat(e.code()).isEqualTo(TwirpCode.PERMISSION_DENIED);
              assertThat(e.getMessage()).contains("roomCreate");
            });
  }
}
