package dev.sfumato.engine.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sfumato.engine.srtp.SrtpKeyDerivation.SessionKeys;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Whole-packet vectors: RFC 7714 §16 (SRTP) and §17 (SRTCP) for AEAD_AES_128_GCM, and the libsrtp
 * reference packet (test/srtp_driver.c, "srtp_validate") for AES_CM_128_HMAC_SHA1_80, whose master
 * key and salt are those of RFC 3711 B.3.
 */
class SrtpVectorsTest {

  // RFC 7714 §16.1 / §17.1: session key and session salt ("Quid pro quo"), given directly
  private static final byte[] GCM_KEY = Hex.bytes("000102030405060708090a0b0c0d0e0f");
  private static final byte[] GCM_SALT = Hex.bytes("517569642070726f2071756f");

  // §16.1.1: RTP header 8040f17b 8041f8d3 5501a0b2 (SEQ f17b, SSRC 5501a0b2, ROC 0)
  // payload "Gallia est omnis divisa in partes tres"
  private static final byte[] GCM_RTP =
      Hex.bytes(
          "8040f17b 8041f8d3 5501a0b2 47616c6c 69612065 7374206f 6d6e6973"
              + "20646976 69736120 696e2070 61727465 73207472 6573");
  // §16.1.2: header | ciphertext | 16-byte tag
  private static final byte[] GCM_SRTP =
      Hex.bytes(
          "8040f17b 8041f8d3 5501a0b2 f24de3a3 fb34de6c acba861c 9d7e4bca"
              + "be633bd5 0d294e6f 42a5f47a 51c7d19b 36de3adf 8833899d 7f27beb1"
              + "6a9152cf 765ee439 0cce");

  // §17.1: SR from SSRC "Mars" (4d617273), SRTCP index 0x5d4, E = 1
  private static final byte[] GCM_RTCP =
      Hex.bytes(
          "81c8000d 4d617273 4e545031 4e545032 52545020 0000042a 0000e930 4c756e61"
              + "deadbeef deadbeef deadbeef deadbeef deadbeef");
  // §17.1: header(8) | ciphertext | tag(16) | E + SRTCP index 800005d4
  private static final byte[] GCM_SRTCP =
      Hex.bytes(
          "81c8000d 4d617273 63e94885 dcdab67c a727d766 2f6b7e99 7ff5c0f7 6c06f32d"
              + "c676a5f1 730d6fda 4ce09b46 86303ded 0bb9275b c84aa458 96cf4d2f c5abf872"
              + "45d9eade 800005d4");

  // libsrtp srtp_driver.c reference packet; master key | salt of RFC 3711 B.3
  private static final byte[] CM_MASTER_KEY = Hex.bytes("e1f97a0d3e018be0d64fa32c06de4139");
  private static final byte[] CM_MASTER_SALT = Hex.bytes("0ec675ad498afeebb6960b3aabe6");
  private static final byte[] CM_RTP =
      Hex.bytes("800f1234 decafbad cafebabe abababab abababab abababab abababab");
  private static final byte[] CM_SRTP =
      Hex.bytes(
          "800f1234 decafbad cafebabe 4e55dc4c e79978d8 8ca4d215 949d2402"
              + "b78d6acc99ea179b8dbb");
  private static final byte[] CM_RTCP =
      Hex.bytes("81c8000b cafebabe abababab abababab abababab abababab");
  // header | ciphertext | E + SRTCP index 80000001 | tag
  private static final byte[] CM_SRTCP =
      Hex.bytes(
          "81c8000b cafebabe 7128035b e487b9bd bef89041 f977a5a8 80000001"
              + "993e08cd54d6c1230798");

  @Test
  void gcmProtectsRtpAsRfc7714Section16() {
    byte[] buf = withTailroom(GCM_RTP);
    int len = gcmContext().protectRtp(buf, 0, GCM_RTP.length);
    assertThat(Arrays.copyOf(buf, len)).isEqualTo(GCM_SRTP);
  }

  @Test
  void gcmUnprotectsRtpAsRfc7714Section16() {
    byte[] buf = withTailroom(GCM_SRTP);
    int len = gcmContext().unprotectRtp(buf, 0, GCM_SRTP.length);
    assertThat(Arrays.copyOf(buf, len)).isEqualTo(GCM_RTP);
  }

  @Test
  void gcmProtectsRtcpAsRfc7714Section17() {
    byte[] buf = withTailroom(GCM_RTCP);
    int len =
        new AesGcmTransform(GCM_KEY, GCM_SALT)
            .protectRtcp(buf, 0, GCM_RTCP.length, 0x4d617273, 0x5d4);
    assertThat(Arrays.copyOf(buf, len)).isEqualTo(GCM_SRTCP);
  }

  @Test
  void gcmUnprotectsRtcpAsRfc7714Section17() {
    byte[] buf = withTailroom(GCM_SRTCP);
    int len = gcmContext().unprotectRtcp(buf, 0, GCM_SRTCP.length);
    assertThat(Arrays.copyOf(buf, len)).isEqualTo(GCM_RTCP);
  }

  @Test
  void cmProtectsRtpAsTheLibsrtpReferencePacket() {
    byte[] buf = withTailroom(CM_RTP);
    int len = cmContext().protectRtp(buf, 0, CM_RTP.length);
    assertThat(Arrays.copyOf(buf, len)).isEqualTo(CM_SRTP);
  }

  @Test
  void cmUnprotectsRtpAsTheLibsrtpReferencePacket() {
    byte[] buf = withTailroom(CM_SRTP);
    int len = cmContext().unprotectRtp(buf, 0, CM_SRTP.length);
    assertThat(Arrays.copyOf(buf, len)).isEqualTo(CM_RTP);
  }

  @Test
  void cmProtectsRtcpAsTheLibsrtpReferencePacket() {
    // libsrtp numbers its first SRTCP packet 1; our context starts at 0, so the second matches
    SrtpContext context = cmContext();
    byte[] buf = withTailroom(CM_RTCP);
    context.protectRtcp(buf, 0, CM_RTCP.length);
    buf = withTailroom(CM_RTCP);
    int len = context.protectRtcp(buf, 0, CM_RTCP.length);
    assertThat(Arrays.copyOf(buf, len)).isEqualTo(CM_SRTCP);
  }

  @Test
  void cmUnprotectsRtcpAsTheLibsrtpReferencePacket() {
    byte[] buf = withTailroom(CM_SRTCP);
    int len = cmContext().unprotectRtcp(buf, 0, CM_SRTCP.length);
    assertThat(Arrays.copyOf(buf, len)).isEqualTo(CM_RTCP);
  }

  @Test
  void vectorsAlsoWorkAtAnOffsetInsideALargerBuffer() {
    byte[] buf = new byte[200];
    System.arraycopy(GCM_SRTP, 0, buf, 37, GCM_SRTP.length);
    int len = gcmContext().unprotectRtp(buf, 37, GCM_SRTP.length);
    assertThat(Arrays.copyOfRange(buf, 37, 37 + len)).isEqualTo(GCM_RTP);
  }

  private static SrtpContext gcmContext() {
    return new SrtpContext(
        SrtpProfile.AEAD_AES_128_GCM,
        new SessionKeys(GCM_KEY, GCM_SALT, new byte[0], GCM_KEY, GCM_SALT, new byte[0]));
  }

  private static SrtpContext cmContext() {
    return new SrtpContext(
        SrtpProfile.AES128_CM_HMAC_SHA1_80,
        SrtpKeyDerivation.deriveSession(
            SrtpProfile.AES128_CM_HMAC_SHA1_80, CM_MASTER_KEY, CM_MASTER_SALT));
  }

  private static byte[] withTailroom(byte[] packet) {
    return Arrays.copyOf(packet, packet.length + 32);
  }
}
