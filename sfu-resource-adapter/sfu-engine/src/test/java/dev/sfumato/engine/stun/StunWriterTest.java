package dev.sfumato.engine.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Building STUN into a caller's buffer: the RFC 5769 attributes, responses, and capacity. */
class StunWriterTest {

  private static final byte[] TEST_VECTOR = "test vector".getBytes(StandardCharsets.US_ASCII);

  private final StunWriter writer = new StunWriter();
  private final MessageIntegrity key = MessageIntegrity.forPassword(Rfc5769.PASSWORD);
  private final Fingerprint fingerprint = new Fingerprint();
  private final StunMessage parsed = new StunMessage();
  private final byte[] out = new byte[256];

  @Test
  void reproducesTheRfc5769Ipv4Response() {
    int n = writeResponse(Rfc5769.IPV4_ADDRESS);

    assertSameExceptPaddingAndMacs(n, Rfc5769.IPV4_RESPONSE, 20 + 4 + 11);
    assertThat(parsed.wrap(out, 0, n)).isTrue();
    assertThat(key.verify(parsed)).isTrue();
    assertThat(fingerprint.verify(parsed)).isTrue();
  }

  @Test
  void reproducesTheRfc5769Ipv6Response() {
    int n = writeResponse(Rfc5769.IPV6_ADDRESS);

    assertSameExceptPaddingAndMacs(n, Rfc5769.IPV6_RESPONSE, 20 + 4 + 11);
    assertThat(parsed.wrap(out, 0, n)).isTrue();
    assertThat(key.verify(parsed)).isTrue();
    assertThat(fingerprint.verify(parsed)).isTrue();
  }

  @Test
  void reproducesTheRfc5769RequestAttributes() {
    byte[] software = "STUN test client".getBytes(StandardCharsets.US_ASCII);
    byte[] user = Rfc5769.USERNAME.getBytes(StandardCharsets.US_ASCII);
    int n =
        writer
            .begin(out, 0, out.length, StunMessage.BINDING_REQUEST, Rfc5769.TRANSACTION_ID, 0)
            .software(software, 0, software.length)
            .priority(0x6e0001ff)
            .iceControlled(0x932ff9b151263b36L)
            .username(user, 0, user.length)
            .messageIntegrity(key)
            .fingerprint(fingerprint)
            .finish();

    // USERNAME is padded with zeros here, with spaces in the RFC: bytes 73..75.
    assertSameExceptPaddingAndMacs(n, Rfc5769.REQUEST, 20 + 20 + 8 + 12 + 4 + 9);
    assertThat(parsed.wrap(out, 0, n)).isTrue();
    assertThat(key.verify(parsed)).isTrue();
    assertThat(fingerprint.verify(parsed)).isTrue();
  }

  @Test
  void answersABindingRequestWithItsTransactionAndSourceAddress() {
    StunMessage request = new StunMessage();
    request.wrap(Rfc5769.REQUEST, 0, Rfc5769.REQUEST.length);

    int n =
        writer.bindingSuccess(
            out, 3, out.length - 3, request, Rfc5769.IPV4_ADDRESS, 4000, key, fingerprint);

    assertThat(n).isEqualTo(StunWriter.bindingSuccessSize(4)).isEqualTo(64);
    assertThat(parsed.wrap(out, 3, n)).isTrue();
    assertThat(parsed.type()).isEqualTo(StunMessage.BINDING_SUCCESS_RESPONSE);
    assertThat(Arrays.copyOfRange(out, 3 + 8, 3 + 20)).containsExactly(Rfc5769.TRANSACTION_ID);
    assertThat(StunMessageTest.mappedAddress(parsed)).containsExactly(Rfc5769.IPV4_ADDRESS);
    assertThat(XorMappedAddress.port(out, parsed.xorMappedAddressOffset())).isEqualTo(4000);
    assertThat(key.verify(parsed)).isTrue();
    assertThat(fingerprint.verify(parsed)).isTrue();
  }

  @Test
  void signsRoleConflictsButNotAuthenticationFailures() {
    StunMessage request = new StunMessage();
    request.wrap(Rfc5769.REQUEST, 0, Rfc5769.REQUEST.length);

    for (int code : new int[] {ErrorCode.BAD_REQUEST, ErrorCode.UNAUTHORIZED}) {
      int n = writer.bindingError(out, 0, out.length, request, code, null, fingerprint);
      assertThat(n).isEqualTo(StunWriter.bindingErrorSize(code, false));
      assertThat(parsed.wrap(out, 0, n)).isTrue();
      assertThat(ErrorCode.code(out, parsed.errorCodeOffset())).isEqualTo(code);
      assertThat(parsed.hasMessageIntegrity()).isFalse();
      assertThat(fingerprint.verify(parsed)).isTrue();
    }
    int n =
        writer.bindingError(out, 0, out.length, request, ErrorCode.ROLE_CONFLICT, key, fingerprint);
    assertThat(n).isEqualTo(StunWriter.bindingErrorSize(ErrorCode.ROLE_CONFLICT, true));
    assertThat(parsed.wrap(out, 0, n)).isTrue();
    assertThat(key.verify(parsed)).isTrue();
  }

  @Test
  void reportsOverflowInsteadOfWritingPastTheCapacity() {
    StunMessage request = new StunMessage();
    request.wrap(Rfc5769.REQUEST, 0, Rfc5769.REQUEST.length);
    Arrays.fill(out, (byte) 0x55);

    int n = writer.bindingSuccess(out, 0, 63, request, Rfc5769.IPV4_ADDRESS, 1, key, fingerprint);

    assertThat(n).isEqualTo(-1);
    assertThat(out[63]).isEqualTo((byte) 0x55);
    assertThat(writer.begin(out, 0, 19, 1, request).finish()).isEqualTo(-1);
  }

  private int writeResponse(byte[] address) {
    return writer
        .begin(out, 0, out.length, StunMessage.BINDING_SUCCESS_RESPONSE, Rfc5769.TRANSACTION_ID, 0)
        .software(TEST_VECTOR, 0, TEST_VECTOR.length)
        .xorMappedAddress(address, Rfc5769.PORT)
        .messageIntegrity(key)
        .fingerprint(fingerprint)
        .finish();
  }

  /**
   * Same bytes as the vector except the one padding run (ours zero, the RFC's spaces) and the MAC
   * and CRC that cover it.
   */
  private void assertSameExceptPaddingAndMacs(int n, byte[] vector, int paddingStart) {
    assertThat(n).isEqualTo(vector.length);
    int macs = n - MessageIntegrity.ENCODED_SIZE - Fingerprint.ENCODED_SIZE;
    byte[] ours = Arrays.copyOf(out, macs);
    byte[] theirs = Arrays.copyOf(vector, macs);
    for (int i = paddingStart; (i & 3) != 0; i++) {
      assertThat(ours[i]).isZero();
      ours[i] = theirs[i];
    }
    assertThat(ours).containsExactly(theirs);
  }
}
