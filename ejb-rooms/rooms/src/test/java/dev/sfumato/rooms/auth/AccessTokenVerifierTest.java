package dev.sfumato.rooms.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.sfumato.rooms.auth.TokenException.Reason;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AccessTokenVerifierTest {

  static final String KEY = "APIsfumato";
  static final String SECRET = "0123456789abcdef0123456789abcdef-test";
  static final ApiKeys KEYS = ApiKeys.parse(KEY + ": " + SECRET);
  static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final long NOW_S = NOW.getEpochSecond();

  final AccessTokenMinter minter = new AccessTokenMinter(KEY, SECRET, CLOCK);
  final AccessTokenVerifier verifier = new AccessTokenVerifier(KEYS, CLOCK);

  static AccessTokenVerifier verifierAt(Instant now) {
    return new AccessTokenVerifier(KEYS, Clock.fixed(now, ZoneOffset.UTC));
  }

  static Reason reasonOf(AccessTokenVerifier verifier, String token) {
    TokenException e = catchThrowableOfType(TokenException.class, () -> verifier.verify(token));
    assertThat(e).as("token should be refused: %s", token).isNotNull();
    assertThat(e.getMessage()).doesNotContain(SECRET);
    return e.reason();
  }

  Reason reasonOf(String token) {
    return reasonOf(verifier, token);
  }

  static ClaimGrants participant() {
    return ClaimGrants.builder()
        .identity("alice")
        .name("Alice")
        .metadata("{\"role\":\"host\"}")
        .attribute("team", "blue")
        .attribute("seat", "3")
        .kind("standard")
        .video(
            VideoGrant.builder()
                .roomJoin(true)
                .room("demo")
                .canPublish(true)
                .canSubscribe(false)
                .canPublishSources(VideoGrant.SOURCE_CAMERA, VideoGrant.SOURCE_MICROPHONE)
                .canUpdateOwnMetadata(true)
                .build())
        .build();
  }

  @Test
  void mintedTokenVerifiesWithTheSameGrants() throws TokenException {
    ClaimGrants grants = participant();

    ClaimGrants verified = verifier.verify(minter.mint(grants, Duration.ofHours(1)));

    assertThat(verified.identity()).isEqualTo("alice");
    assertThat(verified.name()).isEqualTo("Alice");
    assertThat(verified.metadata()).isEqualTo("{\"role\":\"host\"}");
    assertThat(verified.attributes()).containsExactlyInAnyOrderEntriesOf(grants.attributes());
    assertThat(verified.kind()).isEqualTo("standard");
    assertThat(verified.sha256()).isEmpty();
    assertThat(verified.video()).isEqualTo(grants.video());
    assertThat(verified.apiKey()).isEqualTo(KEY);
    assertThat(verified.notBefore()).isEqualTo(NOW);
    assertThat(verified.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    assertThat(verified.toBuilder().build()).isEqualTo(grants);
  }

  @Test
  void everyVideoFieldSurvivesTheRoundTrip() throws TokenException {
    VideoGrant all =
        new VideoGrant(
            true,
            true,
            true,
            true,
            true,
            "r",
            false,
            false,
            false,
            List.of(VideoGrant.SOURCE_SCREEN_SHARE, VideoGrant.SOURCE_SCREEN_SHARE_AUDIO),
            false,
            true,
            true,
            true,
            true,
            true,
            "elsewhere");
    ClaimGrants grants = ClaimGrants.builder().identity("x").video(all).sha256("abc=").build();

    ClaimGrants verified = verifier.verify(minter.mint(grants));

    assertThat(verified.video()).isEqualTo(all);
    assertThat(verified.sha256()).isEqualTo("abc=");
  }

  @Test
  void mintedVideoClaimHoldsOnlySetFields() {
    String token =
        minter.mint(
            ClaimGrants.builder()
                .identity("bob")
                .video(VideoGrant.builder().roomJoin(true).room("demo").canPublish(false).build())
                .build());

    assertThat(Jws.headerJson(token)).contains("\"alg\":\"HS256\"").contains("\"typ\":\"JWT\"");
    assertThat(Jws.payloadJson(token))
        .contains("\"video\":{\"roomJoin\":true,\"room\":\"demo\",\"canPublish\":false}")
        .contains("\"iss\":\"" + KEY + "\"", "\"sub\":\"bob\"", "\"nbf\":" + NOW_S)
        .contains("\"exp\":" + (NOW_S + 6 * 3600))
        .doesNotContain("name", "metadata", "attributes", "kind", "sha256");
  }

  @Test
  void adminTokenWithoutIdentityVerifies() throws TokenException {
    String token =
        minter.mint(
            ClaimGrants.builder()
                .video(VideoGrant.builder().roomList(true).roomCreate(true).build())
                .build(),
            Duration.ofMinutes(10));

    ClaimGrants verified = verifier.verify(token);

    assertThat(Jws.payloadJson(token)).doesNotContain("\"sub\"");
    assertThat(verified.identity()).isEmpty();
    assertThat(verified.video().roomList()).isTrue();
    assertThat(verified.video().roomJoin()).isFalse();
  }

  @Test
  void identityFallsBackToJtiAsOlderSdksSetIt() throws TokenException {
    String token =
        Jws.hs256(
            "{\"iss\":\"" + KEY + "\",\"jti\":\"legacy\",\"exp\":" + (NOW_S + 60) + "}", SECRET);

    assertThat(verifier.verify(token).identity()).isEqualTo("legacy");
  }

  @Test
  void tokenWithoutVideoOrNbfHasEmptyGrantAndNullNotBefore() throws TokenException {
    ClaimGrants verified =
        verifier.verify(
            Jws.hs256(
                "{\"iss\":\"" + KEY + "\",\"sub\":\"a\",\"exp\":" + (NOW_S + 60) + "}", SECRET));

    assertThat(verified.video()).isEqualTo(VideoGrant.empty());
    assertThat(verified.notBefore()).isNull();
    assertThat(verified.attributes()).isEmpty();
  }

  @Test
  void ignoresUnknownClaimsAndGrantFieldsLikeLiveKit() throws TokenException {
    String token =
        Jws.hs256(
            "{\"iss\":\""
                + KEY
                + "\",\"sub\":\"a\",\"exp\":"
                + (NOW_S + 60)
                + ",\"sip\":{\"admin\":true},\"roomConfig\":{\"name\":\"x\"},\"roomPreset\":\"p\","
                + "\"video\":{\"roomJoin\":true,\"room\":\"r\",\"futureGrant\":[1,2]},\"name\":null}",
            SECRET);

    ClaimGrants verified = verifier.verify(token);

    assertThat(verified.video().room()).isEqualTo("r");
    assertThat(verified.name()).isEmpty();
  }

  @Test
  void expiredTokenIsRefusedAfterTheLeeway() {
    String token = minter.mint(participant(), Duration.ofMinutes(5));
    Instant exp = NOW.plus(Duration.ofMinutes(5));

    assertThat(reasonOf(verifierAt(exp.plusSeconds(60)), token)).isEqualTo(Reason.EXPIRED);
    assertThat(reasonOf(verifierAt(exp.plus(Duration.ofDays(1))), token)).isEqualTo(Reason.EXPIRED);
  }

  @Test
  void expiryHasSixtySecondsLeeway() throws TokenException {
    String token = minter.mint(participant(), Duration.ofMinutes(5));
    Instant exp = NOW.plus(Duration.ofMinutes(5));

    assertThat(verifierAt(exp).verify(token).identity()).isEqualTo("alice");
    assertThat(verifierAt(exp.plusSeconds(59)).verify(token).identity()).isEqualTo("alice");
  }

  @Test
  void notYetValidTokenIsRefusedBeyondTheLeeway() {
    String token = minter.mint(participant(), Duration.ofHours(1));

    assertThat(reasonOf(verifierAt(NOW.minusSeconds(61)), token)).isEqualTo(Reason.NOT_YET_VALID);
    assertThat(reasonOf(verifierAt(NOW.minus(Duration.ofHours(2))), token))
        .isEqualTo(Reason.NOT_YET_VALID);
  }

  @Test
  void notBeforeHasSixtySecondsLeeway() throws TokenException {
    String token = minter.mint(participant(), Duration.ofHours(1));

    assertThat(verifierAt(NOW.minusSeconds(60)).verify(token).identity()).isEqualTo("alice");
    assertThat(verifierAt(NOW.minusSeconds(1)).verify(token).identity()).isEqualTo("alice");
  }

  @Test
  void tokenWithoutExpiryIsRefused() {
    String token = Jws.hs256("{\"iss\":\"" + KEY + "\",\"sub\":\"a\"}", SECRET);

    assertThat(reasonOf(token)).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void wrongSecretIsBadSignature() {
    String token =
        new AccessTokenMinter(KEY, "another-secret-that-is-long-enough-0123", CLOCK)
            .mint(participant());

    assertThat(reasonOf(token)).isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void tamperedPayloadIsBadSignature() {
    String token = minter.mint(participant());
    String[] parts = token.split("\\.");
    String forged =
        Jws.b64(Jws.payloadJson(token).replace("\"canSubscribe\":false", "\"roomAdmin\":true"));

    assertThat(reasonOf(parts[0] + "." + forged + "." + parts[2])).isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void badSignatureWinsOverExpiry() {
    String token =
        new AccessTokenMinter(KEY, "another-secret-that-is-long-enough-0123", CLOCK)
            .mint(participant(), Duration.ofSeconds(1));

    assertThat(reasonOf(verifierAt(NOW.plus(Duration.ofDays(1))), token))
        .isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void unknownOrMissingKeyIsUnknownKey() {
    String other = new AccessTokenMinter("APIother", SECRET, CLOCK).mint(participant());
    String noIssuer = Jws.hs256("{\"sub\":\"a\",\"exp\":" + (NOW_S + 60) + "}", SECRET);

    assertThat(reasonOf(other)).isEqualTo(Reason.UNKNOWN_KEY);
    assertThat(reasonOf(noIssuer)).isEqualTo(Reason.UNKNOWN_KEY);
  }

  @Test
  void algNoneIsRefused() {
    String payload =
        Jws.b64("{\"iss\":\"" + KEY + "\",\"sub\":\"a\",\"exp\":" + (NOW_S + 60) + "}");

    assertThat(reasonOf(Jws.b64("{\"alg\":\"none\"}") + "." + payload + "."))
        .isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
    assertThat(reasonOf(Jws.b64("{\"alg\":\"none\"}") + "." + payload + ".c2ln"))
        .isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
    assertThat(reasonOf(Jws.b64("{\"alg\":\"NONE\",\"typ\":\"JWT\"}") + "." + payload + "."))
        .isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void otherHmacAlgorithmsAreRefusedEvenWithTheRightSecret() {
    String payload = "{\"iss\":\"" + KEY + "\",\"sub\":\"a\",\"exp\":" + (NOW_S + 60) + "}";

    assertThat(reasonOf(Jws.hmac("{\"alg\":\"HS512\"}", payload, "HmacSHA512", SECRET)))
        .isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
    assertThat(reasonOf(Jws.hmac("{\"alg\":\"HS384\"}", payload, "HmacSHA384", SECRET)))
        .isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
    assertThat(reasonOf(Jws.hmac("{\"alg\":\"hs256\"}", payload, "HmacSHA256", SECRET)))
        .isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void rs256IsRefused() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.RS256),
            new JWTClaimsSet.Builder()
                .issuer(KEY)
                .subject("a")
                .expirationTime(Date.from(NOW.plusSeconds(60)))
                .build());
    jwt.sign(new RSASSASigner(rsa.generateKeyPair().getPrivate()));

    assertThat(reasonOf(jwt.serialize())).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void headerWithoutAlgorithmOrWithCriticalExtensionIsMalformed() {
    String payload = "{\"iss\":\"" + KEY + "\",\"exp\":" + (NOW_S + 60) + "}";

    assertThat(reasonOf(Jws.hmac("{\"typ\":\"JWT\"}", payload, "HmacSHA256", SECRET)))
        .isEqualTo(Reason.MALFORMED);
    assertThat(reasonOf(Jws.hmac("{\"alg\":256}", payload, "HmacSHA256", SECRET)))
        .isEqualTo(Reason.MALFORMED);
    assertThat(
            reasonOf(
                Jws.hmac(
                    "{\"alg\":\"HS256\",\"crit\":[\"b64\"],\"b64\":false}",
                    payload,
                    "HmacSHA256",
                    SECRET)))
        .isEqualTo(Reason.MALFORMED);
  }

  @Test
  void garbageIsMalformed() {
    String huge = minter.mint(participant()) + "A".repeat(AccessTokenVerifier.MAX_TOKEN_CHARS);
    for (String garbage :
        new String[] {
          null,
          "",
          " ",
          "a",
          "a.b",
          "a.b.c",
          "...",
          "a..b",
          "!!!.###.$$$",
          "abc.def.ghi",
          "eyJ.eyJ.sig",
          "a.b.c.d",
          Jws.b64("not json") + "." + Jws.b64("{}") + ".c2ln",
          Jws.b64("[\"alg\",\"HS256\"]") + "." + Jws.b64("{}") + ".c2ln",
          Jws.b64("{\"alg\":\"HS256\"}") + "." + Jws.b64("not json") + ".c2ln",
          Jws.b64("{\"alg\":\"HS256\"}") + "." + Jws.b64("[]") + ".c2ln",
          Jws.b64("{\"alg\":\"HS256\"}") + "=." + Jws.b64("{}") + ".c2ln",
          Jws.b64("{\"alg\":\"HS256\"}") + "." + Jws.b64("{}") + ".c2l+",
          Jws.b64("{\"alg\":\"HS256\"}") + "." + Jws.b64("{}") + "",
          "Bearer " + minter.mint(participant()),
          huge
        }) {
      assertThat(reasonOf(garbage)).as("reason for %s", garbage).isEqualTo(Reason.MALFORMED);
    }
  }

  @Test
  void claimsOfTheWrongTypeAreMalformed() {
    String registered = "\"iss\":\"" + KEY + "\",\"exp\":" + (NOW_S + 60);
    for (String claims :
        List.of(
            "\"iss\":[\"" + KEY + "\"],\"exp\":" + (NOW_S + 60),
            "\"iss\":\"" + KEY + "\",\"exp\":\"tomorrow\"",
            registered + ",\"nbf\":true",
            registered + ",\"sub\":42",
            registered + ",\"video\":\"all\"",
            registered + ",\"video\":{\"roomJoin\":\"true\"}",
            registered + ",\"video\":{\"canPublish\":1}",
            registered + ",\"video\":{\"room\":7}",
            registered + ",\"video\":{\"canPublishSources\":\"camera\"}",
            registered + ",\"video\":{\"canPublishSources\":[\"camera\",null]}",
            registered + ",\"video\":{\"canPublishSources\":[1]}",
            registered + ",\"name\":{}",
            registered + ",\"metadata\":1",
            registered + ",\"attributes\":[]",
            registered + ",\"attributes\":{\"a\":1}",
            registered + ",\"kind\":false",
            registered + ",\"sha256\":[]")) {
      String token = Jws.hs256("{" + claims + "}", SECRET);
      assertThat(reasonOf(token)).as("reason for {%s}", claims).isEqualTo(Reason.MALFORMED);
    }
  }

  @Test
  void deeplyNestedJsonIsMalformedNotAStackOverflow() {
    int depth = 5000;
    String nested = "[".repeat(depth) + "]".repeat(depth);
    String token =
        Jws.b64("{\"alg\":\"HS256\"}")
            + "."
            + Jws.b64("{\"iss\":\"" + KEY + "\",\"video\":" + nested + "}")
            + ".c2ln";

    assertThat(reasonOf(token)).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void randomMutationsOfAValidTokenNeverThrowAnythingElse() {
    String token = minter.mint(participant());
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ \u00e9";
    Random random = new Random(42);
    for (int i = 0; i < 5000; i++) {
      StringBuilder mutated = new StringBuilder(token);
      int edits = 1 + random.nextInt(4);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(mutated.length());
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        switch (random.nextInt(3)) {
          case 0 -> mutated.setCharAt(at, c);
          case 1 -> mutated.insert(at, c);
          default -> mutated.deleteCharAt(at);
        }
      }
      String candidate = mutated.toString();
      try {
        ClaimGrants verified = verifier.verify(candidate);
        // Only base64 slack in the signature's last character may survive.
        assertThat(verified.identity()).isEqualTo("alice");
        assertThat(verified.video()).isEqualTo(participant().video());
      } catch (TokenException expected) {
        assertThat(expected.reason()).isNotNull();
      }
    }
  }

  @Test
  void messagesNeverEchoTheToken() {
    String token = Jws.hs256("{\"iss\":\"<script>\",\"exp\":" + (NOW_S + 60) + "}", SECRET);

    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOf(TokenException.class)
        .hasMessageNotContaining("<script>");
  }

  @Test
  void verifiesWithAnyConfiguredKey() throws TokenException {
    String secondSecret = "second-secret-0123456789-0123456789-abc";
    AccessTokenVerifier twoKeys =
        new AccessTokenVerifier(
            ApiKeys.parse(KEY + ": " + SECRET + "\nAPIsecond: " + secondSecret), CLOCK);
    String token = new AccessTokenMinter("APIsecond", secondSecret, CLOCK).mint(participant());

    assertThat(twoKeys.verify(token).apiKey()).isEqualTo("APIsecond");
    assertThat(reasonOf(token)).isEqualTo(Reason.UNKNOWN_KEY);
  }

  @Test
  void minterRefusesBadInput() {
    assertThatThrownBy(() -> new AccessTokenMinter(KEY, "too-short", CLOCK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("too-short");
    assertThatThrownBy(() -> new AccessTokenMinter(" ", SECRET, CLOCK))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> minter.mint(participant(), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                minter.mint(
                    ClaimGrants.builder()
                        .video(VideoGrant.builder().roomJoin(true).room("r").build())
                        .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("identity");
    assertThatThrownBy(() -> AccessTokenMinter.forKey(KEYS, "nope", CLOCK))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reMintingVerifiedGrantsRefreshesTheToken() throws TokenException {
    ClaimGrants first = verifier.verify(minter.mint(participant(), Duration.ofMinutes(1)));
    Instant later = NOW.plus(Duration.ofMinutes(30));
    AccessTokenMinter laterMinter =
        new AccessTokenMinter(KEY, SECRET, Clock.fixed(later, ZoneOffset.UTC));

    ClaimGrants refreshed =
        verifierAt(later).verify(laterMinter.mint(first, Duration.ofMinutes(10)));

    assertThat(refreshed.toBuilder().build()).isEqualTo(first.toBuilder().build());
    assertThat(refreshed.expiresAt()).isEqualTo(later.plus(Duration.ofMinutes(10)));
    assertThat(Map.copyOf(refreshed.attributes())).isEqualTo(Map.copyOf(first.attributes()));
  }
}
