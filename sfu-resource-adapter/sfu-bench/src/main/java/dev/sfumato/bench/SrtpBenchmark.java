package dev.sfumato.bench;

import dev.sfumato.engine.srtp.SrtpContext;
import dev.sfumato.engine.srtp.SrtpContexts;
import dev.sfumato.engine.srtp.SrtpProfile;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Protect and unprotect of one 1200-byte RTP packet (12-byte header, 1188-byte payload) in place,
 * for both profiles, through the engine's {@link SrtpContext}. Each operation first restores the
 * buffer with a 1200-byte {@code System.arraycopy} ({@link JceBaselineBenchmark#copy1200} measures
 * that alone). Run with {@code -prof gc} to see B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SrtpBenchmark {

  static final int PACKET = 1200;
  private static final int SSRC = 0x5501a0b2;

  /** Pre-protected packets for unprotect; at the wrap the inbound SSRC state is reset. */
  private static final int RING = 1024;

  @Param({"AES128_CM_HMAC_SHA1_80", "AEAD_AES_128_GCM"})
  public SrtpProfile profile;

  private SrtpContext outbound;
  private SrtpContext inbound;
  private SrtpContext victim;
  private byte[] forged;
  private final byte[] plain = new byte[PACKET];
  private final byte[] buf = new byte[1500];
  private byte[][] sealed;
  private int sealedLength;
  private int seq;
  private int next;

  @Setup
  public void setUp() {
    Random random = new Random(1200);
    byte[] material = new byte[profile.keyingMaterialLength()];
    random.nextBytes(material);
    outbound = SrtpContexts.fromDtlsKeyingMaterial(material, profile, true).outbound();
    inbound = SrtpContexts.fromDtlsKeyingMaterial(material, profile, false).inbound();
    random.nextBytes(plain);
    plain[0] = (byte) 0x80; // V=2, no CSRC, no extension
    plain[1] = 96; // dynamic payload type
    putInt(plain, 8, SSRC);

    SrtpContext sender = SrtpContexts.fromDtlsKeyingMaterial(material, profile, true).outbound();
    sealed = new byte[RING][];
    for (int i = 0; i < RING; i++) {
      byte[] b = new byte[1500];
      System.arraycopy(plain, 0, b, 0, PACKET);
      b[2] = (byte) (i >>> 8);
      b[3] = (byte) i;
      sealedLength = sender.protectRtp(b, 0, PACKET);
      sealed[i] = b;
    }
    victim = SrtpContexts.fromDtlsKeyingMaterial(material, profile, false).inbound();
    forged = sealed[0].clone();
    forged[sealedLength - 1] ^= 1;
  }

  @Benchmark
  public int protectRtp() {
    System.arraycopy(plain, 0, buf, 0, PACKET);
    int s = seq++ & 0xFFFF; // a new index each time, as a sender does (GCM forbids IV reuse)
    buf[2] = (byte) (s >>> 8);
    buf[3] = (byte) s;
    return outbound.protectRtp(buf, 0, PACKET);
  }

  @Benchmark
  public int unprotectRtp() {
    int i = next++;
    if (i == RING) {
      inbound.removeSsrc(SSRC); // once per 1024 packets: lets the same indices be accepted again
      next = 1;
      i = 0;
    }
    System.arraycopy(sealed[i], 0, buf, 0, sealedLength);
    return inbound.unprotectRtp(buf, 0, sealedLength);
  }

  /**
   * A packet with a bad tag for an unknown SSRC: what a flood of forgeries costs (it runs the full
   * crypto, and on GCM the JCE's AEADBadTagException), and that it leaves no state behind.
   */
  @Benchmark
  public int unprotectRtpForged() {
    System.arraycopy(forged, 0, buf, 0, sealedLength);
    return victim.unprotectRtp(buf, 0, sealedLength);
  }

  static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }
}
