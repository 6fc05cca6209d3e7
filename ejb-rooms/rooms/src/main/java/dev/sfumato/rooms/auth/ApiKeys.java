package dev.sfumato.rooms.auth;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The configured API keys: each key names a secret that signs and verifies access tokens (HS256).
 * The key travels in every token as {@code iss}; the secret never leaves the server.
 *
 * <p>The configuration format is LiveKit's {@code keys} setting: {@code "key1: secret1, key2:
 * secret2"}, one pair per comma or per line. A secret shorter than {@value #MIN_SECRET_BYTES} bytes
 * is refused, as livekit-server does: an HS256 key should be at least as long as the hash (RFC 7518
 * section 3.2), and short secrets are guessable offline from any token.
 *
 * <p>Immutable and thread-safe. {@link #toString()} lists keys only.
 */
public final class ApiKeys {

  /** Minimum secret length in bytes (UTF-8): the size of the HS256 hash, RFC 7518 section 3.2. */
  public static final int MIN_SECRET_BYTES = 32;

  /** Key of the built-in development pair; as public as the secret below. */
  public static final String DEVELOPMENT_KEY = "devkey";

  /**
   * Secret of the built-in development pair. It is published in this source file, so anyone can
   * mint tokens for a server that uses it: development only.
   */
  public static final String DEVELOPMENT_SECRET = "sfumato-development-secret-0123456789";

  private static final ApiKeys DEVELOPMENT =
      new ApiKeys(Map.of(DEVELOPMENT_KEY, DEVELOPMENT_SECRET));

  private final Map<String, String> secretsByKey;

  private ApiKeys(Map<String, String> secretsByKey) {
    this.secretsByKey = Collections.unmodifiableMap(new LinkedHashMap<>(secretsByKey));
  }

  /**
   * Parses {@code "key1: secret1, key2: secret2"} (pairs separated by commas or line breaks; blank
   * entries and lines starting with {@code #} are skipped; a secret may contain {@code ':'} but not
   * a comma).
   *
   * @throws IllegalArgumentException if there is no pair, a pair has no {@code ':'}, a key is empty
   *     or repeated, or a secret is shorter than {@value #MIN_SECRET_BYTES} bytes. The message
   *     names the key or the entry's position, never a secret.
   */
  public static ApiKeys parse(String spec) {
    Objects.requireNonNull(spec, "spec");
    Map<String, String> pairs = new LinkedHashMap<>();
    int position = 0;
    for (String entry : spec.split("[,\\r\\n]")) {
      String trimmed = entry.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      position++;
      int colon = trimmed.indexOf(':');
      if (colon < 0) {
        // The entry may be a pasted secret: report where it is, not what it is.
        throw new IllegalArgumentException(
            "API key entry " + position + " has no ':' between key and secret");
      }
      String key = trimmed.substring(0, colon).strip();
      String secret = trimmed.substring(colon + 1).strip();
      if (key.isEmpty()) {
        throw new IllegalArgumentException("API key entry " + position + " has an empty key");
      }
      checkSecret(key, secret);
      if (pairs.putIfAbsent(key, secret) != null) {
        throw new IllegalArgumentException("API key '" + key + "' is configured twice");
      }
    }
    if (pairs.isEmpty()) {
      throw new IllegalArgumentException("no API key configured");
    }
    return new ApiKeys(pairs);
  }

  /** A single key and secret, validated like {@link #parse(String)}. */
  public static ApiKeys of(String key, String secret) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(secret, "secret");
    if (key.isBlank() || !key.equals(key.strip()) || key.indexOf(':') >= 0) {
      throw new IllegalArgumentException("API key must be non-empty, without spaces or ':'");
    }
    checkSecret(key, secret);
    return new ApiKeys(Map.of(key, secret));
  }

  /**
   * The built-in development pair {@value #DEVELOPMENT_KEY} / {@value #DEVELOPMENT_SECRET}. Never
   * for a reachable server: the secret is public.
   */
  public static ApiKeys development() {
    return DEVELOPMENT;
  }

  /**
   * True if the built-in development pair is among these keys, so anyone can mint tokens for this
   * server. Callers warn (or refuse to start) when this is true outside development.
   */
  public boolean isDevelopment() {
    return DEVELOPMENT_SECRET.equals(secretsByKey.get(DEVELOPMENT_KEY));
  }

  /** The secret for {@code key}, or empty if the key is not configured (or null). */
  public Optional<String> secretFor(String key) {
    return key == null ? Optional.empty() : Optional.ofNullable(secretsByKey.get(key));
  }

  /** The first key in configuration order: the one a server uses to mint its own tokens. */
  public String firstKey() {
    return secretsByKey.keySet().iterator().next();
  }

  /** All keys in configuration order. */
  public Set<String> keys() {
    return secretsByKey.keySet();
  }

  /** Lists the keys only; secrets are never printed. */
  @Override
  public String toString() {
    return "ApiKeys" + secretsByKey.keySet();
  }

  static void checkSecret(String key, String secret) {
    if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "secret of API key '"
              + key
              + "' is shorter than "
              + MIN_SECRET_BYTES
              + " bytes; generate one with e.g. `openssl rand -base64 32`");
    }
  }
}
