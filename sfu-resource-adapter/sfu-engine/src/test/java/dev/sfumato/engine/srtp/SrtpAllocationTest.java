package dev.sfumato.engine.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * STYLE.md hot path: SRTP_AES128_CM_HMAC_SHA1_80 protect and unprotect allocate nothing per packet.
 * (The GCM profile cannot reach zero on the JCE: see AesGcmTransform and sfu-bench.)
 */
class SrtpAllocationTest {

  private static final int WARM_UP = 20_000;
  private static final int MEASURED = 20_000;

  @Test
  void cm80ProtectAndUnprotectAllocateNothingPerPacket() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    SrtpProfile profile = SrtpProfile.AES128_CM_HMAC_SHA1_80;
    byte[] material = new byte[profile.keyingMaterialLength()];
    new Random(80).nextBytes(material);
    SrtpContext out = SrtpContexts.fromDtlsKeyingMaterial(material, profile, true).outbound();
    SrtpContext in = SrtpContexts.fromDtlsKeyingMaterial(material, profile, false).inbound();
    byte[] plain = SrtpContextTest.rtp(42, 0, 1200);
    byte[] rtcp = SrtpContextTest.rtcp(42, 80);
    byte[] buf = new byte[1500];

    roundTrips(out, in, plain, rtcp, buf, 0, WARM_UP);
    long before = threads.getCurrentThreadAllocatedBytes();
    int ok = roundTrips(out, in, plain, rtcp, buf, WARM_UP, MEASURED);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertThat(ok).isEqualTo(2 * MEASURED);
    // 4 operations per round: one 16-byte object per packet would already be 1.28 MB
    assertThat(allocated).as("bytes for %d round trips", MEASURED).isLessThan(16 * 1024);
  }

  private static int roundTrips(
      SrtpContext out, SrtpContext in, byte[] plain, byte[] rtcp, byte[] buf, int from, int n) {
    int ok = 0;
    for (int i = from; i < from + n; i++) {
      System.arraycopy(plain, 0, buf, 0, plain.length);
      buf[2] = (byte) (i >>> 8);
      buf[3] = (byte) i;
      int len = out.protectRtp(buf, 0, plain.length);
      if (in.unprotectRtp(buf, 0, len) == plain.length) {
        ok++;
      }
      System.arraycopy(rtcp, 0, buf, 0, rtcp.length);
      len = out.protectRtcp(buf, 0, rtcp.length);
      if (in.unprotectRtcp(buf, 0, len) == rtcp.length) {
        ok++;
      }
    }
    return ok;
  }
}
