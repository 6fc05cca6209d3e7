package dev.sfumato.bench;

import dev.sfumato.engine.srtp.SrtpProfile;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.security.GeneralSecurityException;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * PLATFORM.md's floor for the forwarding path, with nothing else: per input packet one JCE decrypt
 * (tag check + decryption of a 1200-byte SRTP packet), then per subscriber one JCE encrypt with
 * that subscriber's own key and one non-blocking {@code DatagramChannel.send} of the result from a
 * direct buffer (as UdpEndpoint sends) to the subscriber's real loopback socket. AES-128-GCM:
 * {@code Cipher.init} with a fresh 96-bit IV, AAD = header, doFinal (RFC 7714 layout, 16-byte tag).
 * AES-128-CM-HMAC-SHA1-80: {@code Cipher} AES/CTR re-initialised per packet, {@code Mac} HmacSHA1
 * over packet + ROC, 10-byte tag (RFC 3711 §4.1.1, §4.2). Keys are random: nobody decrypts these.
 * Not a valid SRTP implementation (IVs are not derived from SSRC and salt); the work is the same.
 */
final class Floor implements AutoCloseable {

  private static final int HEADER = BenchPackets.PAYLOAD_OFFSET;
  private static final int LEN = BenchPackets.LENGTH;
  private static final int RING = 256;

  private final SrtpProfile profile;
  private final boolean gcm;
  private final InetSocketAddress[] targets;
  private final DatagramChannel channel;
  private final ByteBuffer tx = ByteBuffer.allocateDirect(1600);
  private final SecretKeySpec inKey;
  private final Cipher inCipher;
  private final Mac inMac;
  private final SecretKeySpec[] keys;
  private final Cipher[] ciphers;
  private final Mac[] macs;
  private final byte[][] sealed = new byte[RING][];
  private final int sealedLength;
  private final byte[] in = new byte[1600];
  private final byte[] out = new byte[1600];
  private final byte[] iv16 = new byte[16];
  private final byte[] iv12 = new byte[12];
  private final byte[] roc = new byte[4];
  private final byte[] tag = new byte[20];
  private long counter;
  long sent;
  long failed;

  Floor(SrtpProfile profile, InetSocketAddress[] targets)
      throws IOException, GeneralSecurityException {
    this.profile = profile;
    this.gcm = profile == SrtpProfile.AEAD_AES_128_GCM;
    this.targets = targets;
    channel = DatagramChannel.open();
    channel.bind(new InetSocketAddress("127.0.0.1", 0));
    channel.configureBlocking(false);
    Random random = new Random(42);
    inKey = key(random);
    inCipher = Cipher.getInstance(gcm ? "AES/GCM/NoPadding" : "AES/CTR/NoPadding");
    inMac = gcm ? null : mac(random);
    keys = new SecretKeySpec[targets.length];
    ciphers = new Cipher[targets.length];
    macs = new Mac[targets.length];
    for (int i = 0; i < targets.length; i++) {
      keys[i] = key(random);
      ciphers[i] = Cipher.getInstance(gcm ? "AES/GCM/NoPadding" : "AES/CTR/NoPadding");
      macs[i] = gcm ? null : mac(random);
    }
    byte[] plain = new byte[LEN];
    random.nextBytes(plain);
    int n = 0;
    for (int i = 0; i < RING; i++) {
      BenchPackets.vp8(plain, i, 3000L * i, 0x0A0B0C0DL, false);
      sealed[i] = new byte[1600];
      n = encrypt(inCipher, inKey, inMac, plain, sealed[i], i);
    }
    sealedLength = n;
  }

  private static SecretKeySpec key(Random random) {
    byte[] k = new byte[16];
    random.nextBytes(k);
    return new SecretKeySpec(k, "AES");
  }

  private static Mac mac(Random random) throws GeneralSecurityException {
    byte[] k = new byte[20];
    random.nextBytes(k);
    Mac m = Mac.getInstance("HmacSHA1");
    m.init(new SecretKeySpec(k, "HmacSHA1"));
    return m;
  }

  SrtpProfile profile() {
    return profile;
  }

  /** One input packet: decrypt once, then encrypt and send to every target. */
  boolean step(long index) {
    try {
      int s = (int) (index % RING);
      System.arraycopy(sealed[s], 0, in, 0, sealedLength);
      if (decrypt(in, sealedLength, s) < 0) {
        throw new IllegalStateException("floor: tag check failed");
      }
      long c = ++counter;
      for (int i = 0; i < targets.length; i++) {
        int n = encrypt(ciphers[i], keys[i], macs[i], in, out, c);
        tx.clear();
        tx.put(out, 0, n).flip();
        if (channel.send(tx, targets[i]) > 0) {
          sent++;
        } else {
          failed++;
        }
      }
      return true;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("floor step failed", e);
    }
  }

  /** Encrypts {@code plain[0, LEN)} into {@code dst}; returns the sealed length. */
  private int encrypt(Cipher cipher, SecretKeySpec key, Mac mac, byte[] plain, byte[] dst, long c)
      throws GeneralSecurityException {
    System.arraycopy(plain, 0, dst, 0, HEADER);
    if (gcm) {
      ivFrom(iv12, c);
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv12));
      cipher.updateAAD(dst, 0, HEADER);
      return HEADER + cipher.doFinal(plain, HEADER, LEN - HEADER, dst, HEADER);
    }
    ivFrom(iv16, c << 16);
    cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv16));
    cipher.doFinal(plain, HEADER, LEN - HEADER, dst, HEADER);
    mac.update(dst, 0, LEN);
    mac.update(roc, 0, 4);
    mac.doFinal(tag, 0);
    System.arraycopy(tag, 0, dst, LEN, 10);
    return LEN + 10;
  }

  /** Authenticates and decrypts in place; -1 on a bad tag. */
  private int decrypt(byte[] buf, int len, long c) throws GeneralSecurityException {
    if (gcm) {
      ivFrom(iv12, c);
      inCipher.init(Cipher.DECRYPT_MODE, inKey, new GCMParameterSpec(128, iv12));
      inCipher.updateAAD(buf, 0, HEADER);
      return HEADER + inCipher.doFinal(buf, HEADER, len - HEADER, buf, HEADER);
    }
    int body = len - 10;
    inMac.update(buf, 0, body);
    inMac.update(roc, 0, 4);
    inMac.doFinal(tag, 0);
    int diff = 0;
    for (int i = 0; i < 10; i++) {
      diff |= tag[i] ^ buf[body + i]; // constant time, RFC 3711 §3.3 step 5
    }
    if (diff != 0) {
      return -1;
    }
    ivFrom(iv16, c << 16);
    inCipher.init(Cipher.DECRYPT_MODE, inKey, new IvParameterSpec(iv16));
    inCipher.doFinal(buf, HEADER, body - HEADER, buf, HEADER);
    return body;
  }

  private static void ivFrom(byte[] iv, long c) {
    for (int b = 0; b < 8; b++) {
      iv[iv.length - 8 + b] = (byte) (c >>> (56 - 8 * b));
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
