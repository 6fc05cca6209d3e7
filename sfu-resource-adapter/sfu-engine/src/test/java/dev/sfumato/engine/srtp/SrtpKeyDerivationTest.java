package dev.sfumato.engine.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 3711 Appendix B.3: key derivation with the AES-CM PRF. */
class SrtpKeyDerivationTest {

  // B.3: master key and master salt
  private static final byte[] MASTER_KEY = Hex.bytes("E1F97A0D3E018BE0D64FA32C06DE4139");
  private static final byte[] MASTER_SALT = Hex.bytes("0EC675AD498AFEEBB6960B3AABE6");

  @Test
  void derivesTheCipherKeyOfAppendixB3() {
    byte[] key = SrtpKeyDerivation.derive(MASTER_KEY, MASTER_SALT, 0x00, 16);
    assertThat(key).isEqualTo(Hex.bytes("C61E7A93744F39EE10734AFE3FF7A087"));
  }

  @Test
  void derivesTheCipherSaltOfAppendixB3() {
    byte[] salt = SrtpKeyDerivation.derive(MASTER_KEY, MASTER_SALT, 0x02, 14);
    assertThat(salt).isEqualTo(Hex.bytes("30CBBC08863D8C85D49DB34A9AE1"));
  }

  @Test
  void derivesTheAuthKeyOfAppendixB3AcrossSeveralBlocks() {
    // B.3 lists 94 bytes of auth key output (six AES blocks): checks the block counter too
    byte[] auth = SrtpKeyDerivation.derive(MASTER_KEY, MASTER_SALT, 0x01, 94);
    assertThat(auth)
        .isEqualTo(
            Hex.bytes(
                "CEBE321F6FF7716B6FD4AB49AF256A15 6D38BAA48F0A0ACF3C34E2359E6CDBCE"
                    + "E049646C43D9327AD175578EF7227098 6371C10C9A369AC2F94A8C5FBCDDDC25"
                    + "6D6E919A48B610EF17C2041E47403576 6B68642C59BBFC2F34DB60DBDFB2"));
  }

  @Test
  void sessionKeysForCm80UseTheSixLabels() {
    var keys =
        SrtpKeyDerivation.deriveSession(
            SrtpProfile.AES128_CM_HMAC_SHA1_80, MASTER_KEY, MASTER_SALT);
    assertThat(keys.rtpKey()).isEqualTo(Hex.bytes("C61E7A93744F39EE10734AFE3FF7A087"));
    assertThat(keys.rtpSalt()).isEqualTo(Hex.bytes("30CBBC08863D8C85D49DB34A9AE1"));
    assertThat(keys.rtpAuthKey()).isEqualTo(Hex.bytes("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4"));
    assertThat(keys.rtcpKey()).hasSize(16).isNotEqualTo(keys.rtpKey());
    assertThat(keys.rtcpSalt()).hasSize(14);
    assertThat(keys.rtcpAuthKey()).hasSize(20);
  }

  @Test
  void aeadSaltIsPaddedWithZerosToTheCmPrfWidth() {
    // RFC 7714 keeps the AES-CM PRF; a 96-bit salt behaves as the 112-bit salt ending in 00 00
    byte[] salt96 = Hex.bytes("0EC675AD498AFEEBB6960B3A");
    byte[] salt112 = Hex.bytes("0EC675AD498AFEEBB6960B3A0000");
    assertThat(SrtpKeyDerivation.derive(MASTER_KEY, salt96, 0x02, 12))
        .isEqualTo(SrtpKeyDerivation.derive(MASTER_KEY, salt112, 0x02, 12));
    var keys = SrtpKeyDerivation.deriveSession(SrtpProfile.AEAD_AES_128_GCM, MASTER_KEY, salt96);
    assertThat(keys.rtpSalt()).hasSize(12);
    assertThat(keys.rtpAuthKey()).isEmpty();
  }
}
