package dev.sfumato.rooms.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.livekit.server.AccessToken;
import io.livekit.server.Agent;
import io.livekit.server.CanPublish;
import io.livekit.server.CanPublishData;
import io.livekit.server.CanPublishSources;
import io.livekit.server.CanSubscribe;
import io.livekit.server.CanUpdateOwnMetadata;
import io.livekit.server.DestinationRoomName;
import io.livekit.server.Hidden;
import io.livekit.server.IngressAdmin;
import io.livekit.server.Recorder;
import io.livekit.server.RoomAdmin;
import io.livekit.server.RoomCreate;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomList;
import io.livekit.server.RoomName;
import io.livekit.server.RoomRecord;
import io.livekit.server.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import livekit.LivekitWebhook.WebhookEvent;
import org.junit.jupiter.api.Test;

/**
 * Tokens cross between us and the official LiveKit JVM server SDK (io.livekit:livekit-server,
 * Kotlin, signing with auth0 java-jwt) in both directions.
 */
class LiveKitSdkInteropTest {

  static final String KEY = "APIinterop";
  static final String SECRET = "interop-secret-0123456789abcdefghijklmn";
  static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  final AccessTokenVerifier verifier = new AccessTokenVerifier(ApiKeys.of(KEY, SECRET), CLOCK);

  static AccessToken sdkToken() {
    AccessToken token = new AccessToken(KEY, SECRET);
    token.setNotBefore(Date.from(NOW));
    token.setExpiration(Date.from(NOW.plus(Duration.ofHours(1))));
    return token;
  }

  @Test
  void participantTokenFromTheSdkVerifiesWithAllGrants() throws TokenException {
    AccessToken token = sdkToken();
    token.setIdentity("alice");
    token.setName("Alice");
    token.setMetadata("{\"role\":\"host\"}");
    token.setSha256("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    token.getAttributes().put("team", "blue");
    token.addGrants(
        new RoomJoin(true),
        new RoomName("demo"),
        new CanPublish(false),
        new CanSubscribe(true),
        new CanPublishData(true),
        new CanPublishSources(List.of("camera", "screen_share_audio")),
        new CanUpdateOwnMetadata(true),
        new Hidden(true),
        new Recorder(false),
        new Agent(true),
        new IngressAdmin(true),
        new RoomRecord(true),
        new DestinationRoomName("overflow"));

    ClaimGrants verified = verifier.verify(token.toJwt());

    assertThat(verified.identity()).isEqualTo("alice");
    assertThat(verified.name()).isEqualTo("Alice");
    assertThat(verified.metadata()).isEqualTo("{\"role\":\"host\"}");
    assertThat(verified.sha256()).isEqualTo("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    assertThat(verified.attributes()).containsExactlyEntriesOf(Map.of("team", "blue"));
    assertThat(verified.apiKey()).isEqualTo(KEY);
    assertThat(verified.notBefore()).isEqualTo(NOW);
    assertThat(verified.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    assertThat(verified.video())
        .isEqualTo(
            VideoGrant.builder()
                .roomJoin(true)
                .room("demo")
                .canPublish(false)
                .canSubscribe(true)
                .canPublishData(true)
                .canPublishSources("camera", "screen_share_audio")
                .canUpdateOwnMetadata(true)
                .hidden(true)
                .agent(true)
                .ingressAdmin(true)
                .roomRecord(true)
                .destinationRoom("overflow")
                .build());
  }

  @Test
  void roomServiceTokenFromTheSdkHasNoIdentity() throws TokenException {
    // What RoomServiceClient sends as its bearer token.
    AccessToken token = sdkToken();
    token.addGrants(
        new RoomList(true), new RoomCreate(true), new RoomAdmin(true), new RoomName("demo"));

    ClaimGrants verified = verifier.verify(token.toJwt());

    assertThat(verified.identity()).isEmpty();
    assertThat(verified.video())
        .isEqualTo(
            VideoGrant.builder()
                .roomList(true)
                .roomCreate(true)
                .roomAdmin(true)
                .room("demo")
                .build());
  }

  @Test
  void sdkTokenWithDefaultLifetimeVerifiesNowAndExpiresAfterSixHours() throws TokenException {
    AccessToken token = new AccessToken(KEY, SECRET);
    token.setIdentity("bob");
    token.addGrants(new RoomJoin(true), new RoomName("demo"));
    String jwt = token.toJwt();
    Instant now = Instant.now();

    ClaimGrants verified =
        new AccessTokenVerifier(ApiKeys.of(KEY, SECRET), Clock.fixed(now, ZoneOffset.UTC))
            .verify(jwt);

    assertThat(verified.identity()).isEqualTo("bob");
    assertThat(verified.expiresAt())
        .isBetween(
            now.plus(Duration.ofHours(6)).minusSeconds(5),
            now.plus(Duration.ofHours(6)).plusSeconds(5));
  }

  @Test
  void sdkTokenSignedWithAnotherSecretIsRefused() {
    AccessToken token = new AccessToken(KEY, "not-the-configured-secret-0123456789abc");
    token.setIdentity("mallory");
    token.addGrants(new RoomJoin(true), new RoomName("demo"));

    assertThatThrownBy(() -> verifier.verify(token.toJwt()))
        .isInstanceOfSatisfying(
            TokenException.class,
            e -> assertThat(e.reason()).isEqualTo(TokenException.Reason.BAD_SIGNATURE));
  }

  @Test
  void ourTokenHasTheSameHeaderAndClaimsAsTheSdks() throws Exception {
    AccessToken sdk = sdkToken();
    sdk.setIdentity("alice");
    sdk.setName("Alice");
    sdk.setMetadata("m");
    sdk.getAttributes().put("k", "v");
    sdk.addGrants(
        new RoomJoin(true),
        new RoomName("demo"),
        new CanPublish(false),
        new CanSubscribe(true),
        new CanPublishSources(List.of("microphone")),
        new CanUpdateOwnMetadata(false));
    ClaimGrants ours =
        ClaimGrants.builder()
            .identity("alice")
            .name("Alice")
            .metadata("m")
            .attribute("k", "v")
            .video(
                VideoGrant.builder()
                    .roomJoin(true)
                    .room("demo")
                    .canPublish(false)
                    .canSubscribe(true)
                    .canPublishSources("microphone")
                    .canUpdateOwnMetadata(false)
                    .build())
            .build();

    String theirs = sdk.toJwt();
    String mine = new AccessTokenMinter(KEY, SECRET, CLOCK).mint(ours, Duration.ofHours(1));

    assertThat(JSONObjectUtils.parse(Jws.headerJson(mine)))
        .isEqualTo(JSONObjectUtils.parse(Jws.headerJson(theirs)));
    Map<String, Object> theirClaims = JSONObjectUtils.parse(Jws.payloadJson(theirs));
    // The Kotlin SDK always adds an empty SIP grant; the Go and Node SDKs leave it out, as we do.
    assertThat(theirClaims.remove("sip")).isEqualTo(Map.of());
    assertThat(JSONObjectUtils.parse(Jws.payloadJson(mine))).isEqualTo(theirClaims);
  }

  @Test
  void sdkWebhookReceiverAcceptsOurToken() throws Exception {
    // WebhookReceiver is the SDK's only verifier: HS256 with the secret, iss = key, exp/nbf, and
    // the sha256 claim against the body.
    String body = "{\"event\":\"room_started\",\"room\":{\"name\":\"demo\"},\"id\":\"EV_1\"}";
    ClaimGrants grants = ClaimGrants.builder().sha256(sha256Base64(body)).build();
    AccessTokenMinter minter =
        new AccessTokenMinter(KEY, SECRET, Clock.tick(Clock.systemUTC(), Duration.ofSeconds(1)));

    WebhookEvent event = new WebhookReceiver(KEY, SECRET).receive(body, minter.mint(grants));

    assertThat(event.getEvent()).isEqualTo("room_started");
    assertThat(event.getRoom().getName()).isEqualTo("demo");
  }

  @Test
  void sdkWebhookReceiverRefusesOurTokenForAnotherKeyOrBody() {
    String body = "{\"event\":\"room_finished\"}";
    ClaimGrants grants = ClaimGrants.builder().sha256(sha256Base64(body)).build();
    String token = new AccessTokenMinter(KEY, SECRET, Clock.systemUTC()).mint(grants);
    String otherSecret = "not-the-configured-secret-0123456789abc";

    assertThatThrownBy(() -> new WebhookReceiver(KEY, otherSecret).receive(body, token))
        .isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> new WebhookReceiver("APIother", SECRET).receive(body, token))
        .isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> new WebhookReceiver(KEY, SECRET).receive(body + " ", token))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sdkWebhookReceiverRefusesOurExpiredToken() {
    String body = "{\"event\":\"room_finished\"}";
    ClaimGrants grants = ClaimGrants.builder().sha256(sha256Base64(body)).build();
    Clock anHourAgo = Clock.fixed(Instant.now().minus(1, ChronoUnit.HOURS), ZoneOffset.UTC);
    String token =
        new AccessTokenMinter(KEY, SECRET, anHourAgo).mint(grants, Duration.ofMinutes(5));

    assertThatThrownBy(() -> new WebhookReceiver(KEY, SECRET).receive(body, token))
        .isInstanceOf(RuntimeException.class)
        .hasMessageContaining("expired");
  }

  private static String sha256Base64(String body) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
