package dev.sfumato.engine.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sfumato.engine.dtls.DtlsFingerprint.HashFunction;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SDP a=fingerprint values, RFC 8122 §5. */
class DtlsFingerprintTest {

  /** The example attribute of RFC 8122 §5 (and RFC 4572 §5): "a=fingerprint:SHA-1 4A:AD:…". */
  private static final String RFC_8122_EXAMPLE =
      "SHA-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB";

  @Test
  void parsesTheRfcExampleAndWritesTheTokenInLowerCase() {
    DtlsFingerprint fingerprint = DtlsFingerprint.parse(RFC_8122_EXAMPLE);

    assertThat(fingerprint.algorithm()).isEqualTo(HashFunction.SHA_1);
    assertThat(fingerprint.value()).hasSize(20).startsWith((byte) 0x4A, (byte) 0xAD);
    assertThat(fingerprint.value()[19]).isEqualTo((byte) 0xAB);
    assertThat(fingerprint.toSdp())
        .isEqualTo("sha-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB");
  }

  @Test
  void acceptsLowerCaseHexAndWritesUpperCase() {
    DtlsFingerprint fingerprint = DtlsFingerprint.parse(RFC_8122_EXAMPLE.toLowerCase());

    assertThat(fingerprint).isEqualTo(DtlsFingerprint.parse(RFC_8122_EXAMPLE));
    assertThat(fingerprint.toSdp()).isEqualTo(DtlsFingerprint.parse(RFC_8122_EXAMPLE).toSdp());
  }

  @ParameterizedTest
  @EnumSource(HashFunction.class)
  void everyHashFunctionRoundTripsAndMatchesTheJdkDigest(HashFunction hash) throws Exception {
    byte[] der = DtlsPair.CERT_A.encoded();
    DtlsFingerprint fingerprint = DtlsFingerprint.of(hash, der);

    byte[] expected = MessageDigest.getInstance(hash.sdpToken().toUpperCase()).digest(der);
    assertThat(fingerprint.value()).isEqualTo(expected);
    assertThat(DtlsFingerprint.parse(fingerprint.toSdp())).isEqualTo(fingerprint);
    assertThat(fingerprint.matches(der)).isTrue();
    assertThat(fingerprint.matches(DtlsPair.CERT_B.encoded())).isFalse();
  }

  @Test
  void toleratesSurroundingWhitespace() {
    assertThat(DtlsFingerprint.parse("  " + RFC_8122_EXAMPLE + "\r\n"))
        .isEqualTo(DtlsFingerprint.parse(RFC_8122_EXAMPLE));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "sha-256",
        "md5 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B",
        "sha-256 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB",
        "sha-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C",
        "sha-1 4A-AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB",
        "sha-1 4G:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB",
        "sha-1 4AAD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB:",
        "foo 4A:AD"
      })
  void rejectsMalformedValues(String value) {
    assertThatThrownBy(() -> DtlsFingerprint.parse(value))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void valueIsCopiedInAndOut() {
    byte[] bytes = new byte[32];
    DtlsFingerprint fingerprint = new DtlsFingerprint(HashFunction.SHA_256, bytes);
    bytes[0] = 1;
    fingerprint.value()[1] = 1;

    assertThat(fingerprint.value()).containsOnly(0);
  }
}
