package dev.sfumato.signal.rtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sfumato.rooms.auth.AccessTokenMinter;
import dev.sfumato.rooms.auth.AccessTokenVerifier;
import dev.sfumato.rooms.auth.ApiKeys;
import dev.sfumato.rooms.auth.ClaimGrants;
import dev.sfumato.rooms.auth.VideoGrant;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Which tokens may open a signal connection, and the 401 reasons of those that may not. */
class SignalTokensTest {
  private final ApiKeys keys = ApiKeys.development();
  private final AccessTokenVerifier verifier = new AccessTokenVerifier(keys, Clock.systemUTC());
  private final AccessTokenMinter minter =
      AccessTokenMinter.forKey(keys, ApiKeys.DEVELOPMENT_KEY, Clock.systemUTC());

  private String token(String identity, VideoGrant video) {
    return minter.mint(ClaimGrants.builder().identity(identity).video(video).build());
  }

  private static VideoGrant join(String room) {
    return VideoGrant.builder().roomJoin(true).room(room).build();
  }

  @Test
  void theQueryTokenWinsOverTheHeader() {
    assertThat(SignalTokens.pick("q", "Bearer h")).isEqualTo("q");
    assertThat(SignalTokens.pick(" q ", null)).isEqualTo("q");
    assertThat(SignalTokens.pick(null, "Bearer h")).isEqualTo("h");
    assertThat(SignalTokens.pick("  ", "Bearer h")).isEqualTo("h");
    assertThat(SignalTokens.pick(null, null)).isNull();
    assertThat(SignalTokens.pick(null, "Basic abc")).isNull();
  }

  @Test
  void aTokenThatMayJoinGivesItsClaims() throws SignalTokens.Refused {
    ClaimGrants claims = SignalTokens.verify(verifier, token("alice", join("r1")));
    assertThat(claims.identity()).isEqualTo("alice");
    assertThat(claims.video().room()).isEqualTo("r1");
  }

  @Test
  void noTokenIs401() {
    assertRefused(null, "no access token");
  }

  @Test
  void garbageOrForeignTokensAre401() {
    assertRefused("garbage", "invalid token");
    String foreign =
        new AccessTokenMinter(
                "otherkey", "another-secret-of-at-least-32-bytes!!", Clock.systemUTC())
            .mint(ClaimGrants.builder().identity("a").video(join("r")).build());
    assertRefused(foreign, "invalid token");
    String good = token("alice", join("r1"));
    assertRefused(good.substring(0, good.length() - 3) + "AAA", "invalid token");
  }

  @Test
  void anExpiredTokenIs401() {
    Clock past = Clock.offset(Clock.systemUTC(), Duration.ofHours(-7));
    String old =
        AccessTokenMinter.forKey(keys, ApiKeys.DEVELOPMENT_KEY, past)
            .mint(ClaimGrants.builder().identity("a").video(join("r")).build());
    assertRefused(old, "invalid token");
  }

  @Test
  void tokensThatCannotJoinAre401WithTheReason() {
    assertRefused(token("alice", VideoGrant.builder().room("r1").build()), "roomJoin");
    assertRefused(token("alice", VideoGrant.builder().roomJoin(true).build()), "no room");
    assertRefused(handMade("{\"video\":{\"roomJoin\":true,\"room\":\"r1\"}}"), "no identity");
    assertRefused(
        minter.mint(
            ClaimGrants.builder()
                .identity("admin")
                .video(VideoGrant.builder().roomAdmin(true).room("r1").build())
                .build()),
        "roomJoin");
  }

  /**
   * A token signed with the development key that {@link AccessTokenMinter} refuses to make (it will
   * not mint a join token without identity), as another tool might.
   */
  private static String handMade(String claimsJson) {
    long now = System.currentTimeMillis() / 1000;
    String claims =
        claimsJson.substring(0, claimsJson.length() - 1)
            + ",\"iss\":\""
            + ApiKeys.DEVELOPMENT_KEY
            + "\",\"nbf\":"
            + (now - 10)
            + ",\"exp\":"
            + (now + 600)
            + "}";
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String input =
        b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(
              ApiKeys.DEVELOPMENT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return input
          + "."
          + b64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private void assertRefused(String token, String reason) {
    assertThatThrownBy(() -> SignalTokens.verify(verifier, token))
        .isInstanceOfSatisfying(
            SignalTokens.Refused.class, e -> assertThat(e.status).isEqualTo(401))
        .hasMessageContaining(reason);
  }
}
