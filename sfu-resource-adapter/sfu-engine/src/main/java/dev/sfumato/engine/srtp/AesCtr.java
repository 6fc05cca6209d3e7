package dev.sfumato.engine.srtp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in counter mode for SRTP, RFC 3711 §4.1.1:
 *
 * <pre>
 *   IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16)
 *   keystream = E(k_e, IV) || E(k_e, IV + 1) || E(k_e, IV + 2) ...
 * </pre>
 *
 * <p>Why not {@code AES/CTR/NoPadding}: its IV can only change through {@code Cipher.init}, which
 * allocates a parameter spec and a copy of the key and IV for every packet. Instead the counter
 * blocks are written into a reused array and encrypted with one {@code AES/ECB/NoPadding} call (the
 * JDK's AES intrinsic, AES-NI), then XORed into the packet eight bytes at a time. Nothing is
 * allocated per packet. The same instance serves SRTCP, whose 31-bit index takes the place of i.
 */
final class AesCtr {

  /** Blocks per ECB call: 128 * 16 = 2048 bytes covers any MTU-sized payload in one call. */
  private static final int CHUNK_BLOCKS = 128;

  private static final int CHUNK_BYTES = CHUNK_BLOCKS * 16;
  private static final VarHandle BE_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle NATIVE_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

  private final Cipher ecb;
  private final long saltHi;
  private final long saltLo;
  private final byte[] counters = new byte[CHUNK_BYTES];
  private final byte[] stream = new byte[CHUNK_BYTES];

  /** {@code key} is the 16-byte session key, {@code salt} the 14-byte session salt. */
  AesCtr(byte[] key, byte[] salt) {
    if (salt.length != 14) {
      throw new IllegalArgumentException("AES-CM session salt must be 112 bits");
    }
    byte[] padded = new byte[16]; // k_s * 2^16: the salt fills bytes 0..13
    System.arraycopy(salt, 0, padded, 0, 14);
    saltHi = (long) BE_LONG.get(padded, 0);
    saltLo = (long) BE_LONG.get(padded, 8);
    try {
      ecb = Cipher.getInstance("AES/ECB/NoPadding");
      ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES is mandatory in every JRE", e);
    }
  }

  /**
   * XORs the keystream for ({@code ssrc}, {@code index}) into {@code buf[off, off + len)}; {@code
   * index} is the 48-bit SRTP packet index or the 31-bit SRTCP index. Returns false only if the JCE
   * fails, which would be a bug rather than bad input.
   */
  boolean apply(int ssrc, long index, byte[] buf, int off, int len) {
    long hi = saltHi ^ (ssrc & 0xFFFF_FFFFL); // SSRC occupies bytes 4..7
    long lo = saltLo ^ (index << 16); // the index occupies bytes 8..13; 14..15 count blocks
    long block = 0;
    try {
      while (len > 0) {
        int n = Math.min(len, CHUNK_BYTES);
        int bytes = (n + 15) & ~15;
        for (int p = 0; p < bytes; p += 16) {
          BE_LONG.set(counters, p, hi);
          BE_LONG.set(counters, p + 8, lo + block++);
        }
        ecb.update(counters, 0, bytes, stream, 0);
        xor(buf, off, n);
        off += n;
        len -= n;
      }
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private void xor(byte[] buf, int off, int n) {
    int i = 0;
    for (int end = n - 7; i < end; i += 8) {
      long v = (long) NATIVE_LONG.get(buf, off + i) ^ (long) NATIVE_LONG.get(stream, i);
      NATIVE_LONG.set(buf, off + i, v);
    }
    for (; i < n; i++) {
      buf[off + i] ^= stream[i];
    }
  }
}
