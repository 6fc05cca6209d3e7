package dev.sfumato.rooms.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.sfumato.rooms.auth.TokenException.Reason;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies LiveKit access tokens: compact JWS (RFC 7515) signed with HS256 (RFC 7518 section 3.2)
 * by the secret of the API key named in {@code iss}, as LiveKit's {@code auth.APIKeyTokenVerifier}
 * does.
 *
 * <p>Checks, in order: length, three base64url parts, header JSON with {@code alg} exactly HS256
 * (never "none"; no other algorithm, since the key is a shared secret), claims JSON, {@code iss}
 * naming a configured key, the signature (constant-time, by Nimbus), then {@code exp} (required)
 * and {@code nbf} with {@link #LEEWAY} either side, and finally the LiveKit grants. Nothing in the
 * token is trusted before the signature checks except what is needed to find the secret.
 *
 * <p>Identity is {@code sub}, or {@code jti} when {@code sub} is empty (older SDKs put it there);
 * it is empty in admin tokens. Every refusal is a {@link TokenException}; no other exception
 * escapes for any input string. Thread-safe.
 */
public final class AccessTokenVerifier {

  /**
   * Longest token accepted, in chars, checked before any decoding. Real tokens are well under 2
   * KiB; the bound leaves room for large metadata and attributes while keeping a hostile token's
   * parse cost (and JSON nesting) small.
   */
  public static final int MAX_TOKEN_CHARS = 16 * 1024;

  /** Clock skew allowed on {@code exp} and {@code nbf}: LiveKit's {@code tokenLeeway}. */
  public static final Duration LEEWAY = Duration.ofSeconds(60);

  private final ApiKeys keys;
  private final Clock clock;

  public AccessTokenVerifier(ApiKeys keys, Clock clock) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The grants of a valid token.
   *
   * @throws TokenException with the reason the token is refused; its message is safe to send to the
   *     client
   */
  public ClaimGrants verify(String jwt) throws TokenException {
    try {
      return verifyChecked(jwt);
    } catch (RuntimeException e) {
      // A parser corner case we did not foresee: still a refusal, never a 500.
      throw malformed("token could not be parsed");
    }
  }

  private ClaimGrants verifyChecked(String jwt) throws TokenException {
    if (jwt == null || jwt.isEmpty()) {
      throw malformed("token is empty");
    }
    if (jwt.length() > MAX_TOKEN_CHARS) {
      throw malformed("token is longer than " + MAX_TOKEN_CHARS + " characters");
    }
    String[] parts = jwt.split("\\.", -1);
    if (parts.length != 3) {
      throw malformed("token is not a JWT (header.payload.signature)");
    }
    checkHeader(json(decodePart(parts[0], "header"), "header"));
    Map<String, Object> payload = json(decodePart(parts[1], "payload"), "payload");
    decodePart(parts[2], "signature");

    SignedJWT signed;
    JWTClaimsSet claims;
    try {
      signed = SignedJWT.parse(jwt);
      // Types of registered claims (iss, exp, nbf, jti, ...) are checked here, except sub, which
      // Nimbus turns into a string whatever its type.
      claims = JWTClaimsSet.parse(payload);
    } catch (ParseException e) {
      throw malformed("token claims are not of the expected types");
    }
    Object sub = payload.get("sub");
    if (sub != null && !(sub instanceof String)) {
      throw malformed("token subject (sub) is not a string");
    }

    String apiKey = claims.getIssuer();
    if (apiKey == null || apiKey.isEmpty()) {
      throw new TokenException(Reason.UNKNOWN_KEY, "token has no issuer (API key)");
    }
    String secret =
        keys.secretFor(apiKey)
            .orElseThrow(() -> new TokenException(Reason.UNKNOWN_KEY, "unknown API key"));
    checkSignature(signed, secret);

    Instant now = clock.instant();
    Instant expiresAt = instant(claims.getExpirationTime());
    if (expiresAt == null) {
      throw malformed("token has no expiry (exp)");
    }
    if (!now.isBefore(expiresAt.plus(LEEWAY))) {
      throw new TokenException(Reason.EXPIRED, "token expired");
    }
    Instant notBefore = instant(claims.getNotBeforeTime());
    if (notBefore != null && now.plus(LEEWAY).isBefore(notBefore)) {
      throw new TokenException(Reason.NOT_YET_VALID, "token is not valid yet");
    }

    String identity = claims.getSubject();
    if (identity == null || identity.isEmpty()) {
      identity = claims.getJWTID();
    }
    return ClaimsJson.decode(claims.getClaims(), identity, expiresAt, notBefore, apiKey);
  }

  private static void checkHeader(Map<String, Object> header) throws TokenException {
    Object alg = header.get("alg");
    if (!(alg instanceof String)) {
      throw malformed("token header has no algorithm");
    }
    if (!JWSAlgorithm.HS256.getName().equals(alg)) {
      // Echo nothing from the token: only the algorithm we accept.
      throw new TokenException(
          Reason.UNSUPPORTED_ALGORITHM, "token algorithm is not supported; use HS256");
    }
    if (header.containsKey("crit")) {
      // RFC 7515 section 4.1.11: we understand no extension, so a critical one refuses the token.
      throw malformed("token header has critical extensions");
    }
  }

  private static void checkSignature(SignedJWT signed, String secret) throws TokenException {
    boolean valid;
    try {
      valid = signed.verify(new MACVerifier(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (JOSEException | IllegalStateException e) {
      valid = false;
    }
    if (!valid) {
      throw new TokenException(Reason.BAD_SIGNATURE, "token signature is invalid");
    }
  }

  /**
   * Strict base64url (RFC 7515 section 2: no padding, no other characters). Nimbus's own decoder
   * skips illegal characters, which would let many strings stand for one token.
   */
  private static byte[] decodePart(String part, String what) throws TokenException {
    if (part.isEmpty()) {
      throw malformed("token " + what + " is empty");
    }
    if (part.indexOf('=') >= 0) {
      throw malformed("token " + what + " is padded base64");
    }
    try {
      return Base64.getUrlDecoder().decode(part);
    } catch (IllegalArgumentException e) {
      throw malformed("token " + what + " is not base64url");
    }
  }

  private static Map<String, Object> json(byte[] bytes, String what) throws TokenException {
    String text = new String(bytes, StandardCharsets.UTF_8);
    try {
      // Nimbus (through Gson) reads "[]" as an empty object; JSON arrays are not claims sets.
      if (!text.strip().startsWith("{")) {
        throw new ParseException("not a JSON object", 0);
      }
      return JSONObjectUtils.parse(text);
    } catch (ParseException e) {
      throw malformed("token " + what + " is not a JSON object");
    }
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private static TokenException malformed(String message) {
    return new TokenException(Reason.MALFORMED, message);
  }
}
