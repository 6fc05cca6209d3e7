package dev.sfumato.engine.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bouncycastle.tls.SRTPProtectionProfile;
import org.junit.jupiter.api.Test;

/** Exporter output split per RFC 5764 §4.2. */
class SrtpKeyMaterialTest {

  @Test
  void profileValuesAreTheIanaOnes() {
    // RFC 5764 §4.1.2: SRTP_AES128_CM_HMAC_SHA1_80 = {0x00, 0x01}; RFC 7714 §14.2: {0x00, 0x07}.
    assertThat(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80.id())
        .isEqualTo(SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80)
        .isEqualTo(0x0001);
    assertThat(SrtpProfile.SRTP_AEAD_AES_128_GCM.id())
        .isEqualTo(SRTPProtectionProfile.SRTP_AEAD_AES_128_GCM)
        .isEqualTo(0x0007);
    assertThat(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80.keyingMaterialLength()).isEqualTo(60);
    assertThat(SrtpProfile.SRTP_AEAD_AES_128_GCM.keyingMaterialLength()).isEqualTo(56);
    assertThat(SrtpProfile.fromId(0x0002)).isNull();
  }

  @Test
  void cm80SplitsAsClientKeyServerKeyClientSaltServerSalt() {
    SrtpKeyMaterial keys =
        SrtpKeyMaterial.fromExporter(
            SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80, counting(60), DtlsRole.CLIENT);

    assertThat(keys.clientKey()).isEqualTo(range(0, 16));
    assertThat(keys.serverKey()).isEqualTo(range(16, 32));
    assertThat(keys.clientSalt()).isEqualTo(range(32, 46));
    assertThat(keys.serverSalt()).isEqualTo(range(46, 60));
    assertThat(keys.localKey()).isEqualTo(keys.clientKey());
    assertThat(keys.remoteSalt()).isEqualTo(keys.serverSalt());
  }

  @Test
  void gcmHasTwelveByteSaltsAndTheServerSendsWithTheServerHalf() {
    SrtpKeyMaterial keys =
        SrtpKeyMaterial.fromExporter(
            SrtpProfile.SRTP_AEAD_AES_128_GCM, counting(56), DtlsRole.SERVER);

    assertThat(keys.clientSalt()).isEqualTo(range(32, 44));
    assertThat(keys.serverSalt()).isEqualTo(range(44, 56));
    assertThat(keys.localKey()).isEqualTo(range(16, 32));
    assertThat(keys.localSalt()).isEqualTo(range(44, 56));
    assertThat(keys.remoteKey()).isEqualTo(range(0, 16));
  }

  @Test
  void wrongLengthsAreRejectedAndKeysNeverPrinted() {
    assertThatThrownBy(
            () ->
                SrtpKeyMaterial.fromExporter(
                    SrtpProfile.SRTP_AEAD_AES_128_GCM, counting(60), DtlsRole.SERVER))
        .isInstanceOf(IllegalArgumentException.class);
    SrtpKeyMaterial keys =
        SrtpKeyMaterial.fromExporter(
            SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80, counting(60), DtlsRole.CLIENT);
    assertThat(keys.toString()).doesNotContain("[0").contains("redacted");
  }

  private static byte[] counting(int length) {
    return range(0, length);
  }

  private static byte[] range(int from, int to) {
    byte[] bytes = new byte[to - from];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (from + i);
    }
    return bytes;
  }
}
