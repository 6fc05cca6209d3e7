package dev.sfumato.rooms.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.Objects;

/**
 * Mints LiveKit access tokens as the official server SDKs do: HS256 JWS with {@code typ} JWT,
 * claims {@code iss} (API key), {@code sub} (identity, left out when empty), {@code nbf} (now),
 * {@code exp} (now + ttl), and {@code name}, {@code metadata}, {@code attributes}, {@code video},
 * {@code sha256}, {@code kind} when set; the video grant carries only its set fields. Thread-safe.
 */
public final class AccessTokenMinter {

  /** LiveKit's default token lifetime (server SDKs and {@code lk token create}). */
  public static final Duration DEFAULT_TTL = Duration.ofHours(6);

  private static final JWSHeader HEADER =
      new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build();

  private final String apiKey;
  private final MACSigner signer;
  private final Clock clock;

  /**
   * @throws IllegalArgumentException if the key is blank or the secret shorter than {@link
   *     ApiKeys#MIN_SECRET_BYTES} bytes
   */
  public AccessTokenMinter(String apiKey, String secret, Clock clock) {
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(secret, "secret");
    if (apiKey.isBlank()) {
      throw new IllegalArgumentException("API key is blank");
    }
    ApiKeys.checkSecret(apiKey, secret);
    this.apiKey = apiKey;
    this.clock = Objects.requireNonNull(clock, "clock");
    try {
      this.signer = new MACSigner(secret.getBytes(StandardCharsets.UTF_8));
    } catch (JOSEException e) {
      throw new IllegalArgumentException("secret of API key '" + apiKey + "' is unusable");
    }
  }

  /** A minter for {@code apiKey} from {@code keys}. */
  public static AccessTokenMinter forKey(ApiKeys keys, String apiKey, Clock clock) {
    String secret =
        keys.secretFor(apiKey)
            .orElseThrow(
                () -> new IllegalArgumentException("API key '" + apiKey + "' is not configured"));
    return new AccessTokenMinter(apiKey, secret, clock);
  }

  public String apiKey() {
    return apiKey;
  }

  /** {@link #mint(ClaimGrants, Duration)} with {@link #DEFAULT_TTL}. */
  public String mint(ClaimGrants grants) {
    return mint(grants, DEFAULT_TTL);
  }

  /**
   * A signed token valid from now for {@code ttl}. The {@code expiresAt}, {@code notBefore} and
   * {@code apiKey} of {@code grants} are ignored.
   *
   * @throws IllegalArgumentException if {@code ttl} is not positive, or the video grant allows
   *     joining a room but there is no identity (the SDKs refuse this too)
   */
  public String mint(ClaimGrants grants, Duration ttl) {
    Objects.requireNonNull(grants, "grants");
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive");
    }
    if (grants.video().roomJoin() && grants.identity().isEmpty()) {
      throw new IllegalArgumentException("identity is required to join a room");
    }
    // JWT NumericDate is whole seconds (RFC 7519 section 2).
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(apiKey)
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)));
    if (!grants.identity().isEmpty()) {
      claims.subject(grants.identity());
    }
    for (Map.Entry<String, Object> claim : ClaimsJson.encode(grants).entrySet()) {
      claims.claim(claim.getKey(), claim.getValue());
    }
    SignedJWT jwt = new SignedJWT(HEADER, claims.build());
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      // HMAC-SHA256 is in every JRE and the key length was checked above.
      throw new IllegalStateException("HS256 signing failed", e);
    }
    return jwt.serialize();
  }
}
