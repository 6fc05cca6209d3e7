package dev.sfumato.engine.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Peer bytes into unprotect: never an exception, never state for a packet that fails, and a packet
 * that passes is exactly one stream. Inputs are {@code packet | offset | rtcp? | gcm?}
 * (FuzzedDataProvider takes the small values from the end); the kept corpus holds real SRTP and
 * SRTCP packets under {@link #material} as well as edge cases.
 */
class SrtpUnprotectFuzzTest {

  /** Fixed keying material, so that corpus packets protected under it authenticate. */
  static byte[] material(SrtpProfile profile) {
    byte[] m = new byte[profile.keyingMaterialLength()];
    for (int i = 0; i < m.length; i++) {
      m[i] = (byte) (i * 7 + 1);
    }
    return m;
  }

  static SrtpContexts contexts(SrtpProfile profile, boolean dtlsClient) {
    return SrtpContexts.fromDtlsKeyingMaterial(material(profile), profile, dtlsClient);
  }

  @FuzzTest(maxDuration = "30s")
  void unprotectNeverThrowsAndOnlyAuthenticPacketsCreateState(FuzzedDataProvider data) {
    SrtpProfile profile =
        data.consumeBoolean() ? SrtpProfile.AEAD_AES_128_GCM : SrtpProfile.AES128_CM_HMAC_SHA1_80;
    boolean rtcp = data.consumeBoolean();
    int off = data.consumeInt(0, 7);
    byte[] packet = data.consumeRemainingAsBytes();
    byte[] buf = new byte[off + packet.length + 8];
    System.arraycopy(packet, 0, buf, off, packet.length);

    SrtpContext inbound = contexts(profile, false).inbound();
    int result =
        rtcp
            ? inbound.unprotectRtcp(buf, off, packet.length)
            : inbound.unprotectRtp(buf, off, packet.length);

    int streams = inbound.rtpSsrcCount() + inbound.rtcpSsrcCount();
    if (result < 0) {
      assertThat(SrtpError.fromCode(result)).isNotNull();
      assertThat(streams).as("state after a refused packet").isZero();
      assertThat(inbound.dropCount(SrtpError.fromCode(result))).isEqualTo(1);
    } else {
      assertThat(result).isLessThan(packet.length);
      assertThat(streams).isEqualTo(1);
    }
  }

  @FuzzTest(maxDuration = "30s")
  void whateverProtectAcceptsUnprotectRestores(FuzzedDataProvider data) {
    SrtpProfile profile =
        data.consumeBoolean() ? SrtpProfile.AEAD_AES_128_GCM : SrtpProfile.AES128_CM_HMAC_SHA1_80;
    boolean rtcp = data.consumeBoolean();
    int off = data.consumeInt(0, 7);
    byte[] packet = data.consumeRemainingAsBytes();
    byte[] buf = new byte[off + packet.length + profile.rtcpOverhead()];
    System.arraycopy(packet, 0, buf, off, packet.length);

    SrtpContext outbound = contexts(profile, true).outbound();
    SrtpContext inbound = contexts(profile, false).inbound();
    int sealed =
        rtcp
            ? outbound.protectRtcp(buf, off, packet.length)
            : outbound.protectRtp(buf, off, packet.length);
    if (sealed < 0) {
      assertThat(SrtpError.fromCode(sealed)).isNotNull();
      return;
    }
    int opened =
        rtcp ? inbound.unprotectRtcp(buf, off, sealed) : inbound.unprotectRtp(buf, off, sealed);
    assertThat(opened).isEqualTo(packet.length);
    assertThat(Arrays.copyOfRange(buf, off, off + opened)).isEqualTo(packet);
  }
}
