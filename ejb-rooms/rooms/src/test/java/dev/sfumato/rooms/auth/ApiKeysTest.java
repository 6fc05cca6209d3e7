package dev.sfumato.rooms.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

  static final String SECRET_A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  static final String SECRET_B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

  @Test
  void parsesLiveKitCommaSeparatedPairs() {
    ApiKeys keys = ApiKeys.parse("APIa: " + SECRET_A + ", APIb:" + SECRET_B);

    assertThat(keys.secretFor("APIa")).contains(SECRET_A);
    assertThat(keys.secretFor("APIb")).contains(SECRET_B);
    assertThat(keys.secretFor("APIc")).isEmpty();
    assertThat(keys.secretFor(null)).isEmpty();
    assertThat(keys.firstKey()).isEqualTo("APIa");
    assertThat(keys.keys()).containsExactly("APIa", "APIb");
    assertThat(keys.isDevelopment()).isFalse();
  }

  @Test
  void parsesOnePairPerLineSkippingBlankLinesAndComments() {
    ApiKeys keys =
        ApiKeys.parse("# production\n  APIb: " + SECRET_B + "\r\n\n APIa : " + SECRET_A + "\n");

    assertThat(keys.keys()).containsExactly("APIb", "APIa");
    assertThat(keys.secretFor("APIa")).contains(SECRET_A);
  }

  @Test
  void keepsColonsInsideSecrets() {
    String secret = "abc:def:" + SECRET_A;
    assertThat(ApiKeys.parse("k: " + secret).secretFor("k")).contains(secret);
  }

  @Test
  void refusesShortSecretNamingTheKeyButNotTheSecret() {
    assertThatThrownBy(() -> ApiKeys.parse("good: " + SECRET_A + ", weak: short-secret-123"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("weak")
        .hasMessageContaining("32")
        .hasMessageNotContaining("short-secret-123");
  }

  @Test
  void countsSecretLengthInUtf8Bytes() {
    // 11 chars of 3 bytes each = 33 bytes.
    String secret = "\u20ac".repeat(11);
    assertThat(ApiKeys.parse("k: " + secret).secretFor("k")).contains(secret);
    assertThatThrownBy(() -> ApiKeys.parse("k: " + "\u20ac".repeat(10)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesEntriesWithoutSeparatorWithoutEchoingThem() {
    assertThatThrownBy(() -> ApiKeys.parse("k: " + SECRET_A + ", " + SECRET_B))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("entry 2")
        .hasMessageNotContaining(SECRET_B);
  }

  @Test
  void refusesEmptySpecEmptyKeyAndDuplicateKey() {
    assertThatThrownBy(() -> ApiKeys.parse("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ApiKeys.parse(" ,\n# only a comment"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ApiKeys.parse(": " + SECRET_A))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(SECRET_A);
    assertThatThrownBy(() -> ApiKeys.parse("k: " + SECRET_A + "\nk: " + SECRET_B))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'k'")
        .hasMessageNotContaining(SECRET_A)
        .hasMessageNotContaining(SECRET_B);
  }

  @Test
  void singlePairIsValidatedToo() {
    assertThat(ApiKeys.of("k", SECRET_A).secretFor("k")).contains(SECRET_A);
    assertThatThrownBy(() -> ApiKeys.of("k", "short")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ApiKeys.of("a:b", SECRET_A))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void developmentPairIsDevkeyWithALongEnoughSecret() {
    ApiKeys dev = ApiKeys.development();

    assertThat(dev.isDevelopment()).isTrue();
    assertThat(dev.firstKey()).isEqualTo("devkey");
    assertThat(dev.secretFor("devkey").orElseThrow()).hasSizeGreaterThanOrEqualTo(32);
    assertThat(ApiKeys.parse("devkey: " + ApiKeys.DEVELOPMENT_SECRET).isDevelopment()).isTrue();
    assertThat(ApiKeys.parse("devkey: " + SECRET_A).isDevelopment()).isFalse();
  }

  @Test
  void toStringNeverPrintsSecrets() {
    ApiKeys keys = ApiKeys.parse("APIa: " + SECRET_A + ", APIb: " + SECRET_B);

    assertThat(keys.toString()).contains("APIa", "APIb").doesNotContain(SECRET_A, SECRET_B);
    assertThat(ApiKeys.development().toString()).doesNotContain(ApiKeys.DEVELOPMENT_SECRET);
  }
}
