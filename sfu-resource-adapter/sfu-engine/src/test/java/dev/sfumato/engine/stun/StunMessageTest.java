package dev.sfumato.engine.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Reading STUN in place: the RFC 5769 vectors and what must be refused. */
class StunMessageTest {

  private final StunMessage message = new StunMessage();
  private final MessageIntegrity key = MessageIntegrity.forPassword(Rfc5769.PASSWORD);
  private final Fingerprint fingerprint = new Fingerprint();

  @Test
  void readsTheRfc5769SampleRequest() {
    byte[] request = Rfc5769.REQUEST;

    assertThat(message.wrap(request, 0, request.length)).isTrue();
    assertThat(message.type()).isEqualTo(StunMessage.BINDING_REQUEST);
    assertThat(message.method()).isEqualTo(StunMessage.METHOD_BINDING);
    assertThat(message.messageClass()).isEqualTo(StunMessage.CLASS_REQUEST);
    assertThat(username(message)).isEqualTo(Rfc5769.USERNAME);
    assertThat(message.hasPriority()).isTrue();
    assertThat(message.priority()).isEqualTo(0x6e0001ff);
    assertThat(message.hasIceControlled()).isTrue();
    assertThat(message.iceControlled()).isEqualTo(0x932ff9b151263b36L);
    assertThat(message.hasIceControlling()).isFalse();
    assertThat(message.useCandidate()).isFalse();
    assertThat(message.unknownComprehensionRequired()).isEqualTo(-1);
    assertThat(key.verify(message)).as("MESSAGE-INTEGRITY with the §2 password").isTrue();
    assertThat(fingerprint.verify(message)).as("FINGERPRINT").isTrue();
  }

  @Test
  void readsTheRfc5769Ipv4Response() {
    byte[] response = Rfc5769.IPV4_RESPONSE;

    assertThat(message.wrap(response, 0, response.length)).isTrue();
    assertThat(message.type()).isEqualTo(StunMessage.BINDING_SUCCESS_RESPONSE);
    assertThat(message.messageClass()).isEqualTo(StunMessage.CLASS_SUCCESS_RESPONSE);
    assertThat(mappedAddress(message)).containsExactly(Rfc5769.IPV4_ADDRESS);
    assertThat(XorMappedAddress.port(response, message.xorMappedAddressOffset()))
        .isEqualTo(Rfc5769.PORT);
    assertThat(key.verify(message)).isTrue();
    assertThat(fingerprint.verify(message)).isTrue();
  }

  @Test
  void readsTheRfc5769Ipv6Response() {
    byte[] response = Rfc5769.IPV6_RESPONSE;

    assertThat(message.wrap(response, 0, response.length)).isTrue();
    assertThat(XorMappedAddress.family(response, message.xorMappedAddressOffset()))
        .isEqualTo(XorMappedAddress.FAMILY_IPV6);
    assertThat(mappedAddress(message)).containsExactly(Rfc5769.IPV6_ADDRESS);
    assertThat(XorMappedAddress.port(response, message.xorMappedAddressOffset()))
        .isEqualTo(Rfc5769.PORT);
    assertThat(key.verify(message)).isTrue();
    assertThat(fingerprint.verify(message)).isTrue();
  }

  @Test
  void readsAMessageAtAnOffsetInsideALargerBuffer() {
    byte[] buf = new byte[Rfc5769.REQUEST.length + 37];
    System.arraycopy(Rfc5769.REQUEST, 0, buf, 29, Rfc5769.REQUEST.length);

    assertThat(message.wrap(buf, 29, Rfc5769.REQUEST.length)).isTrue();
    assertThat(username(message)).isEqualTo(Rfc5769.USERNAME);
    assertThat(key.verify(message)).isTrue();
    assertThat(fingerprint.verify(message)).isTrue();
  }

  @Test
  void walksEveryAttributeInOrder() {
    message.wrap(Rfc5769.REQUEST, 0, Rfc5769.REQUEST.length);
    int[] types = new int[8];
    int n = 0;
    for (int at = message.firstAttribute(); at >= 0; at = message.nextAttribute(at)) {
      types[n++] = message.attributeType(at);
    }
    assertThat(Arrays.copyOf(types, n))
        .containsExactly(
            StunAttribute.SOFTWARE,
            StunAttribute.PRIORITY,
            StunAttribute.ICE_CONTROLLED,
            StunAttribute.USERNAME,
            StunAttribute.MESSAGE_INTEGRITY,
            StunAttribute.FINGERPRINT);
  }

  @Test
  void rejectsAnIntegrityMadeWithAnotherPassword() {
    message.wrap(Rfc5769.REQUEST, 0, Rfc5769.REQUEST.length);
    assertThat(MessageIntegrity.forPassword("VOkJxbRl1RmTxUk/WvJxBT").verify(message)).isFalse();
  }

  @Test
  void rejectsATamperedMessage() {
    byte[] request = Rfc5769.REQUEST.clone();
    request[45] ^=
        1; // inside the PRIORITY value, covered by both MESSAGE-INTEGRITY and FINGERPRINT

    assertThat(message.wrap(request, 0, request.length)).isTrue();
    assertThat(key.verify(message)).isFalse();
    assertThat(fingerprint.verify(message)).isFalse();
  }

  @Test
  void paddingIsNotPartOfTheValueButIsCoveredByTheMac() {
    byte[] request = Rfc5769.REQUEST.clone();
    int padding = 20 + 20 + 8 + 12 + 4 + 9; // first padding byte of USERNAME
    request[padding] = 0;

    assertThat(message.wrap(request, 0, request.length)).isTrue();
    assertThat(username(message)).isEqualTo(Rfc5769.USERNAME);
    assertThat(key.verify(message)).isFalse();
  }

  @Test
  void refusesWhatIsShorterThanAHeader() {
    assertRefused(Arrays.copyOf(Rfc5769.REQUEST, 19), StunDrop.TOO_SHORT);
    assertRefused(new byte[0], StunDrop.TOO_SHORT);
  }

  @Test
  void refusesWhenTheFirstTwoBitsAreSet() {
    byte[] request = Rfc5769.REQUEST.clone();
    request[0] |= (byte) 0x80; // an RTP version-2 first byte
    assertRefused(request, StunDrop.NOT_STUN);
    request[0] = 0x40;
    assertRefused(request, StunDrop.NOT_STUN);
  }

  @Test
  void refusesAWrongMagicCookie() {
    byte[] request = Rfc5769.REQUEST.clone();
    request[4] = 0x22;
    assertRefused(request, StunDrop.BAD_MAGIC_COOKIE);
  }

  @Test
  void refusesALengthThatIsNotAMultipleOfFour() {
    byte[] request = Rfc5769.REQUEST.clone();
    request[3] = 0x57;
    assertRefused(request, StunDrop.LENGTH_NOT_ALIGNED);
  }

  @Test
  void refusesALengthThatDisagreesWithTheDatagram() {
    assertRefused(
        Arrays.copyOf(Rfc5769.REQUEST, Rfc5769.REQUEST.length + 4), StunDrop.LENGTH_MISMATCH);
    byte[] cut = Arrays.copyOf(Rfc5769.REQUEST, Rfc5769.REQUEST.length - 4);
    assertRefused(cut, StunDrop.LENGTH_MISMATCH);
  }

  @Test
  void refusesAnAttributeRunningPastTheEnd() {
    byte[] request = Rfc5769.REQUEST.clone();
    request[23] = (byte) 0xF0; // SOFTWARE claims 240 bytes
    assertRefused(request, StunDrop.ATTRIBUTE_OVERRUN);
  }

  @Test
  void refusesAnUnpaddedLastAttribute() {
    byte[] header = Rfc5769.hex("0001 0004 2112a442 b7e7a701 bc34d686 fa87dfae 8022 0001");
    assertRefused(header, StunDrop.ATTRIBUTE_OVERRUN); // 1-byte value needs 3 bytes of padding
  }

  @Test
  void refusesAnAttributeAfterFingerprint() {
    byte[] request = Arrays.copyOf(Rfc5769.REQUEST, Rfc5769.REQUEST.length + 4);
    request[3] += 4; // length now covers an empty attribute after FINGERPRINT
    request[request.length - 4] = 0x00;
    request[request.length - 3] = 0x25; // USE-CANDIDATE, length 0
    assertRefused(request, StunDrop.FINGERPRINT_NOT_LAST);
  }

  @Test
  void refusesKnownAttributesWithImpossibleLengths() {
    byte[] request = Rfc5769.REQUEST.clone();
    request[43] = 0x02; // PRIORITY of 2 bytes: still fits, still wrong
    assertRefused(request, StunDrop.MALFORMED_ATTRIBUTE);

    byte[] family = Rfc5769.IPV4_RESPONSE.clone();
    family[41] = 0x03; // XOR-MAPPED-ADDRESS family 3
    assertRefused(family, StunDrop.MALFORMED_ATTRIBUTE);

    byte[] v6Length = Rfc5769.IPV4_RESPONSE.clone();
    v6Length[41] = 0x02; // IPv6 family with an IPv4-sized value
    assertRefused(v6Length, StunDrop.MALFORMED_ATTRIBUTE);
  }

  @Test
  void refusesErrorCodesOutsideClassesThreeToSixOrNumbersOver99() {
    byte[] ok = Rfc5769.hex("0111 0008 2112a442 b7e7a701 bc34d686 fa87dfae 0009 0004 00000457");
    assertThat(message.wrap(ok, 0, ok.length)).isTrue();
    assertThat(ErrorCode.code(ok, message.errorCodeOffset())).isEqualTo(487);

    byte[] number = ok.clone();
    number[27] = 100; // 4/100: the fuzzer's find, read as code 500
    assertRefused(number, StunDrop.MALFORMED_ATTRIBUTE);
    byte[] errorClass = ok.clone();
    errorClass[26] = 7;
    assertRefused(errorClass, StunDrop.MALFORMED_ATTRIBUTE);
  }

  @Test
  void ignoresAttributesAfterMessageIntegrityExceptFingerprint() {
    // SOFTWARE moved after MESSAGE-INTEGRITY: still a valid message, but not indexed.
    StunWriter writer = new StunWriter();
    byte[] out = new byte[200];
    byte[] user = Rfc5769.USERNAME.getBytes(StandardCharsets.US_ASCII);
    writer
        .begin(out, 0, out.length, StunMessage.BINDING_REQUEST, Rfc5769.TRANSACTION_ID, 0)
        .messageIntegrity(key)
        .username(user, 0, user.length)
        .useCandidate()
        .fingerprint(fingerprint);
    int n = writer.finish();

    assertThat(message.wrap(out, 0, n)).isTrue();
    assertThat(message.usernameOffset()).isEqualTo(-1);
    assertThat(message.useCandidate()).isFalse();
    assertThat(fingerprint.verify(message)).isTrue();
  }

  @Test
  void keepsTheFirstOfRepeatedAttributesAndNotesUnknownRequiredOnes() {
    byte[] msg =
        Rfc5769.hex(
            """
            0001 0014 2112a442 b7e7a701 bc34d686 fa87dfae
            0024 0004 00000001   PRIORITY 1
            0024 0004 00000002   PRIORITY 2
            7fff 0000            an unknown comprehension-required attribute
            """);
    assertThat(message.wrap(msg, 0, msg.length)).isTrue();
    assertThat(message.priority()).isEqualTo(1);
    assertThat(message.unknownComprehensionRequired()).isEqualTo(0x7fff);
  }

  @Test
  void readsErrorCodes() {
    byte[] out = new byte[100];
    message.wrap(Rfc5769.REQUEST, 0, Rfc5769.REQUEST.length);
    int n =
        new StunWriter()
            .bindingError(out, 0, out.length, message, ErrorCode.ROLE_CONFLICT, key, fingerprint);
    StunMessage response = new StunMessage();

    assertThat(response.wrap(out, 0, n)).isTrue();
    assertThat(response.type()).isEqualTo(StunMessage.BINDING_ERROR_RESPONSE);
    assertThat(response.messageClass()).isEqualTo(StunMessage.CLASS_ERROR_RESPONSE);
    assertThat(ErrorCode.code(out, response.errorCodeOffset())).isEqualTo(487);
    int reason = ErrorCode.reasonOffset(response.errorCodeOffset());
    int reasonLength = response.errorCodeLength() - ErrorCode.FIXED_BYTES;
    assertThat(new String(out, reason, reasonLength, StandardCharsets.UTF_8))
        .isEqualTo("Role Conflict");
  }

  private void assertRefused(byte[] datagram, StunDrop reason) {
    assertThat(message.wrap(datagram, 0, datagram.length)).isFalse();
    assertThat(message.error()).isEqualTo(reason);
  }

  static String username(StunMessage m) {
    return new String(m.buffer(), m.usernameOffset(), m.usernameLength(), StandardCharsets.UTF_8);
  }

  static byte[] mappedAddress(StunMessage m) {
    byte[] dst = new byte[16];
    int n = XorMappedAddress.address(m.buffer(), m.xorMappedAddressOffset(), m.offset(), dst, 0);
    return Arrays.copyOf(dst, n);
  }
}
