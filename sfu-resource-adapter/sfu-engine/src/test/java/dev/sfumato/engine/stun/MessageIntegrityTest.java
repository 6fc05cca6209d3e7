package dev.sfumato.engine.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The HMAC-SHA1 behind MESSAGE-INTEGRITY: the RFC 5769 MACs and agreement with the JCE Mac. */
class MessageIntegrityTest {

  /**
   * Keys of every interesting length against the JCE's HmacSHA1: empty, shorter than, equal to and
   * longer than the 64-byte SHA-1 block (longer keys are hashed first, RFC 2104 §2).
   */
  @Test
  void agreesWithTheJceMacForAnyKeyLength() throws Exception {
    Random random = new Random(5769);
    for (int keyLength : new int[] {0, 4, 20, 22, 64, 65, 80, 131}) {
      byte[] key = new byte[keyLength];
      random.nextBytes(key);
      byte[] message = signedMessage(new MessageIntegrity(key), 40);
      assertThat(Arrays.copyOfRange(message, 64, 84))
          .as("key of %d bytes", keyLength)
          .containsExactly(jceHmac(key, macInput(message, 60)));
    }
  }

  @Test
  void reproducesTheRfc5769MacsFromTheMessagePrefix() {
    MessageIntegrity key = MessageIntegrity.forPassword(Rfc5769.PASSWORD);
    for (byte[] vector :
        new byte[][] {Rfc5769.REQUEST, Rfc5769.IPV4_RESPONSE, Rfc5769.IPV6_RESPONSE}) {
      int integrity = vector.length - Fingerprint.ENCODED_SIZE - MessageIntegrity.ENCODED_SIZE;
      byte[] copy = Arrays.copyOf(vector, vector.length);
      Arrays.fill(copy, integrity, copy.length, (byte) 0);
      copy[3] = 0; // the encoder sets the length itself

      int end = key.encode(copy, 0, integrity);
      end = new Fingerprint().encode(copy, 0, end);

      assertThat(end).isEqualTo(vector.length);
      assertThat(copy).containsExactly(vector);
    }
  }

  /** A Binding request of {@code bodyBytes} of SOFTWARE then MESSAGE-INTEGRITY. */
  private static byte[] signedMessage(MessageIntegrity key, int bodyBytes) {
    byte[] out = new byte[200];
    byte[] body = new byte[bodyBytes - 4];
    new Random(bodyBytes).nextBytes(body);
    int n =
        new StunWriter()
            .begin(out, 0, out.length, StunMessage.BINDING_REQUEST, Rfc5769.TRANSACTION_ID, 0)
            .software(body, 0, body.length)
            .messageIntegrity(key)
            .finish();
    return Arrays.copyOf(out, n);
  }

  /** RFC 8489 §14.5 input: header (length already covering MESSAGE-INTEGRITY) plus body. */
  private static byte[] macInput(byte[] message, int integrityOffset) {
    return Arrays.copyOf(message, integrityOffset);
  }

  private static byte[] jceHmac(byte[] key, byte[] data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA1");
    // SecretKeySpec refuses an empty key; one zero byte pads to the same block.
    mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA1"));
    return mac.doFinal(data);
  }
}
