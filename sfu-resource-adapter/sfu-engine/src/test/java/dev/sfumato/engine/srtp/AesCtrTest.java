package dev.sfumato.engine.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** RFC 3711 Appendix B.2: the AES-CM keystream, here generated over ECB counter blocks. */
class AesCtrTest {

  // B.2: session key, session salt; SSRC 0, ROC 0, SEQ 0
  private static final byte[] KEY = Hex.bytes("2B7E151628AED2A6ABF7158809CF4F3C");
  private static final byte[] SALT = Hex.bytes("F0F1F2F3F4F5F6F7F8F9FAFBFCFD");

  @Test
  void keystreamMatchesAppendixB2FromTheFirstToTheLastCounter() {
    byte[] zeros = new byte[16 * 0x10000]; // the keystream over 2^16 blocks: XOR into zeros
    assertThat(new AesCtr(KEY, SALT).apply(0, 0, zeros, 0, zeros.length)).isTrue();

    // counter F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000 and up
    assertThat(block(zeros, 0x0000)).isEqualToIgnoringCase("E03EAD0935C95E80E166B16DD92B4EB4");
    assertThat(block(zeros, 0x0001)).isEqualToIgnoringCase("D23513162B02D0F72A43A2FE4A5F97AB");
    assertThat(block(zeros, 0x0002)).isEqualToIgnoringCase("41E95B3BB0A2E8DD477901E4FCA894C0");
    // counter ...FEFF, ...FF00, ...FF01
    assertThat(block(zeros, 0xFEFF)).isEqualToIgnoringCase("EC8CDF7398607CB0F2D21675EA9EA1E4");
    assertThat(block(zeros, 0xFF00)).isEqualToIgnoringCase("362B7C3C6773516318A077D7FC5073AE");
    assertThat(block(zeros, 0xFF01)).isEqualToIgnoringCase("6A2CC3787889374FBEB4C81B17BA6C44");
  }

  @Test
  void matchesTheJceCounterModeForAnySsrcIndexOffsetAndLength() throws Exception {
    Random random = new Random(3711);
    AesCtr ctr = new AesCtr(KEY, SALT);
    Cipher reference = Cipher.getInstance("AES/CTR/NoPadding");
    for (int round = 0; round < 200; round++) {
      int ssrc = random.nextInt();
      long index = random.nextLong() & 0xFFFF_FFFF_FFFFL;
      int len = random.nextInt(3000);
      int off = random.nextInt(20);
      byte[] data = new byte[off + len + 5];
      random.nextBytes(data);

      byte[] iv = new byte[16]; // RFC 3711 §4.1.1: salt * 2^16 ^ SSRC * 2^64 ^ i * 2^16
      System.arraycopy(SALT, 0, iv, 0, 14);
      for (int b = 0; b < 4; b++) {
        iv[4 + b] ^= (byte) (ssrc >>> (24 - 8 * b));
      }
      for (int b = 0; b < 6; b++) {
        iv[8 + b] ^= (byte) (index >>> (40 - 8 * b));
      }
      reference.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"), new IvParameterSpec(iv));
      byte[] expected = data.clone();
      reference.doFinal(data, off, len, expected, off);

      assertThat(ctr.apply(ssrc, index, data, off, len)).isTrue();
      assertThat(data).isEqualTo(expected);
    }
  }

  private static String block(byte[] stream, int counter) {
    return Hex.of(stream, counter * 16, 16);
  }
}
