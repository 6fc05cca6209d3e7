package dev.sfumato.bench;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The raw JCE operations under SRTP on a 1200-byte buffer, as PLATFORM.md measured them
 * (AES-128-CTR + HMAC-SHA1 ≈ 0.98 µs, AES-128-GCM ≈ 0.5 µs): the floor {@link SrtpBenchmark} is
 * compared with. The ECB-keystream and MessageDigest-HMAC variants are the building blocks the
 * engine uses instead of re-initialising CTR and {@code Mac.doFinal}, which allocate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JceBaselineBenchmark {

  private static final int LEN = SrtpBenchmark.PACKET;

  private final byte[] data = new byte[LEN];
  private final byte[] buf = new byte[LEN + 64];
  private final byte[] out = new byte[LEN + 64];
  private final byte[] iv16 = new byte[16];
  private final byte[] iv12 = new byte[12];
  private final byte[] tag = new byte[20];
  private final byte[] counters = new byte[LEN + 16];
  private final byte[] stream = new byte[LEN + 16];
  private final byte[] ipad = new byte[64];
  private final byte[] opad = new byte[64];
  private SecretKeySpec key;
  private Cipher ctr;
  private Cipher ecb;
  private Cipher gcm;
  private Mac hmac;
  private MessageDigest sha1;
  private long counter;

  @Setup
  public void setUp() throws GeneralSecurityException {
    Random random = new Random(98);
    random.nextBytes(data);
    byte[] k = new byte[16];
    random.nextBytes(k);
    key = new SecretKeySpec(k, "AES");
    byte[] authKey = new byte[20];
    random.nextBytes(authKey);
    ctr = Cipher.getInstance("AES/CTR/NoPadding");
    ecb = Cipher.getInstance("AES/ECB/NoPadding");
    ecb.init(Cipher.ENCRYPT_MODE, key);
    gcm = Cipher.getInstance("AES/GCM/NoPadding");
    hmac = Mac.getInstance("HmacSHA1");
    hmac.init(new SecretKeySpec(authKey, "HmacSHA1"));
    sha1 = MessageDigest.getInstance("SHA-1");
    for (int i = 0; i < 64; i++) {
      byte b = i < 20 ? authKey[i] : 0;
      ipad[i] = (byte) (b ^ 0x36);
      opad[i] = (byte) (b ^ 0x5c);
    }
  }

  /** The buffer restore every SrtpBenchmark operation includes. */
  @Benchmark
  public byte[] copy1200() {
    System.arraycopy(data, 0, buf, 0, LEN);
    return buf;
  }

  /** PLATFORM.md's CTR + HMAC: Cipher.init with a new IV, doFinal, Mac update + doFinal. */
  @Benchmark
  public byte[] ctrInitPlusHmacSha1() throws GeneralSecurityException {
    nextIv(iv16);
    ctr.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv16));
    ctr.doFinal(data, 0, LEN, out, 0);
    hmac.update(out, 0, LEN);
    hmac.doFinal(tag, 0);
    return tag;
  }

  @Benchmark
  public byte[] ctrInitOnly() throws GeneralSecurityException {
    nextIv(iv16);
    ctr.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv16));
    ctr.doFinal(data, 0, LEN, out, 0);
    return out;
  }

  /** The engine's CTR: 75 counter blocks through one ECB call, then XOR. */
  @Benchmark
  public byte[] ctrViaEcbKeystream() throws GeneralSecurityException {
    long base = counter++ << 16;
    int blocks = (LEN + 15) / 16;
    for (int j = 0; j < blocks; j++) {
      long c = base + j;
      for (int b = 0; b < 8; b++) {
        counters[j * 16 + 8 + b] = (byte) (c >>> (56 - 8 * b));
      }
    }
    ecb.update(counters, 0, blocks * 16, stream, 0);
    for (int i = 0; i < LEN; i++) {
      out[i] = (byte) (data[i] ^ stream[i]);
    }
    return out;
  }

  @Benchmark
  public byte[] hmacSha1Mac() {
    hmac.update(data, 0, LEN);
    try {
      hmac.doFinal(tag, 0);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    return tag;
  }

  /** The engine's HMAC: RFC 2104 over MessageDigest, no allocation. */
  @Benchmark
  public byte[] hmacSha1OverMessageDigest() throws GeneralSecurityException {
    sha1.reset();
    sha1.update(ipad, 0, 64);
    sha1.update(data, 0, LEN);
    sha1.digest(tag, 0, 20);
    sha1.update(opad, 0, 64);
    sha1.update(tag, 0, 20);
    sha1.digest(tag, 0, 20);
    return tag;
  }

  /** PLATFORM.md's GCM: Cipher.init with a new IV, doFinal into a separate buffer. */
  @Benchmark
  public byte[] gcmEncrypt() throws GeneralSecurityException {
    nextIv(iv12);
    gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv12));
    gcm.updateAAD(data, 0, 12);
    gcm.doFinal(data, 12, LEN - 12, out, 12);
    return out;
  }

  /** GCM encryption in place, as SRTP does it (the input is overwritten by the output). */
  @Benchmark
  public byte[] gcmEncryptInPlace() throws GeneralSecurityException {
    System.arraycopy(data, 0, buf, 0, LEN);
    nextIv(iv12);
    gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv12));
    gcm.updateAAD(buf, 0, 12);
    gcm.doFinal(buf, 12, LEN - 12, buf, 12);
    return buf;
  }

  private void nextIv(byte[] iv) {
    long c = counter++;
    for (int b = 0; b < 8; b++) {
      iv[iv.length - 8 + b] = (byte) (c >>> (56 - 8 * b));
    }
  }
}
