package dev.sfumato.engine.stun;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Fuzz targets. In the normal build they run once per file of the kept corpus under {@code
 * src/test/resources/dev/sfumato/engine/stun/StunMessageFuzzTestInputs/<method>/}; with {@code
 * JAZZER_FUZZ=1} Jazzer explores and adds crashing inputs there.
 */
class StunMessageFuzzTest {

  private static final MessageIntegrity KEY = MessageIntegrity.forPassword(Rfc5769.PASSWORD);
  private static final Fingerprint FINGERPRINT = new Fingerprint();

  /** Any bytes: wrap never throws, and a refused datagram always says why. */
  @FuzzTest
  void parsingNeverThrows(byte[] datagram) {
    StunMessage message = new StunMessage();
    if (!message.wrap(datagram, 0, datagram.length)) {
      assertThat(message.error()).isNotNull();
      return;
    }
    int attributes = 0;
    for (int at = message.firstAttribute(); at >= 0; at = message.nextAttribute(at)) {
      assertThat(message.attributeValue(at) + message.attributeLength(at))
          .isLessThanOrEqualTo(datagram.length);
      attributes++;
    }
    assertThat(attributes).isLessThanOrEqualTo((datagram.length - 20) / 4);
    KEY.verify(message);
    FINGERPRINT.verify(message);
    message.priority();
    message.iceControlling();
    message.iceControlled();
    if (message.xorMappedAddressOffset() >= 0) {
      StunMessageTest.mappedAddress(message);
      XorMappedAddress.port(datagram, message.xorMappedAddressOffset());
    }
    if (message.errorCodeOffset() >= 0) {
      assertThat(ErrorCode.code(datagram, message.errorCodeOffset())).isBetween(300, 699);
    }
  }

  /** What we write parses back to the same values, with a valid MAC and CRC. */
  @FuzzTest
  void writtenMessagesParseBackEqual(FuzzedDataProvider data) {
    byte[] txId = data.consumeBytes(StunMessage.TRANSACTION_ID_BYTES);
    txId = Arrays.copyOf(txId, StunMessage.TRANSACTION_ID_BYTES);
    byte[] username = data.consumeBytes(data.consumeInt(0, StunAttribute.MAX_USERNAME_BYTES));
    int priority = data.consumeInt();
    boolean useCandidate = data.consumeBoolean();
    boolean controlling = data.consumeBoolean();
    long tieBreaker = data.consumeLong();
    byte[] address = Arrays.copyOf(data.consumeBytes(16), data.consumeBoolean() ? 16 : 4);
    int port = data.consumeInt(0, 0xFFFF);
    int code = data.pickValue(new int[] {400, 401, 420, 487, 300, 699});
    int offset = data.consumeInt(0, 64);

    byte[] out = new byte[offset + 1024];
    StunWriter writer = new StunWriter();
    writer
        .begin(out, offset, 1024, StunMessage.BINDING_REQUEST, txId, 0)
        .username(username, 0, username.length)
        .priority(priority);
    if (useCandidate) {
      writer.useCandidate();
    }
    if (controlling) {
      writer.iceControlling(tieBreaker);
    } else {
      writer.iceControlled(tieBreaker);
    }
    int n =
        writer
            .xorMappedAddress(address, port)
            .errorCode(code)
            .messageIntegrity(KEY)
            .fingerprint(FINGERPRINT)
            .finish();

    StunMessage m = new StunMessage();
    assertThat(m.wrap(out, offset, n)).as("%s", m.error()).isTrue();
    assertThat(m.type()).isEqualTo(StunMessage.BINDING_REQUEST);
    assertThat(Arrays.copyOfRange(out, m.transactionIdOffset(), m.transactionIdOffset() + 12))
        .containsExactly(txId);
    assertThat(Arrays.copyOfRange(out, m.usernameOffset(), m.usernameOffset() + m.usernameLength()))
        .containsExactly(username);
    assertThat(m.priority()).isEqualTo(priority);
    assertThat(m.useCandidate()).isEqualTo(useCandidate);
    assertThat(controlling ? m.iceControlling() : m.iceControlled()).isEqualTo(tieBreaker);
    assertThat(controlling ? m.hasIceControlled() : m.hasIceControlling()).isFalse();
    assertThat(StunMessageTest.mappedAddress(m)).containsExactly(address);
    assertThat(XorMappedAddress.port(out, m.xorMappedAddressOffset())).isEqualTo(port);
    assertThat(ErrorCode.code(out, m.errorCodeOffset())).isEqualTo(code);
    assertThat(KEY.verify(m)).isTrue();
    assertThat(FINGERPRINT.verify(m)).isTrue();
  }
}
