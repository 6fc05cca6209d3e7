package dev.sfumato.rooms.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Hand-built compact JWS for tests that need tokens no well-behaved minter would produce. */
final class Jws {

  private Jws() {}

  static String b64(String text) {
    return b64(text.getBytes(StandardCharsets.UTF_8));
  }

  static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** {@code header.payload} signed with HMAC ({@code javaAlg} e.g. "HmacSHA256"). */
  static String hmac(String headerJson, String payloadJson, String javaAlg, String secret) {
    String signingInput = b64(headerJson) + "." + b64(payloadJson);
    try {
      Mac mac = Mac.getInstance(javaAlg);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), javaAlg));
      return signingInput
          + "."
          + b64(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  static String hs256(String payloadJson, String secret) {
    return hmac("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", payloadJson, "HmacSHA256", secret);
  }

  static String payloadJson(String token) {
    return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
  }

  static String headerJson(String token) {
    return new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
  }
}
