package dev.sfumato.engine.rtp;

import static dev.sfumato.engine.rtp.Hex.hex;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RtpPacketTest {

  private final RtpPacket packet = new RtpPacket();

  @Test
  void readsTheFixedHeader() {
    byte[] buf = Hex.at(7, RtpVectors.oneByteExtensions(), 0);
    assertThat(packet.wrap(buf, 7, buf.length - 7)).isTrue();
    assertThat(packet.status()).isEqualTo(RtpStatus.OK);
    assertThat(packet.version()).isEqualTo(2);
    assertThat(packet.marker()).isTrue();
    assertThat(packet.payloadType()).isEqualTo(96);
    assertThat(packet.sequenceNumber()).isEqualTo(0x1234);
    assertThat(packet.timestamp()).isEqualTo(123456);
    assertThat(packet.ssrc()).isEqualTo(0xdeadbeefL);
    assertThat(packet.csrcCount()).isZero();
    assertThat(packet.hasExtension()).isTrue();
    assertThat(packet.extensionProfile()).isEqualTo(RtpPacket.PROFILE_ONE_BYTE);
    assertThat(packet.headerLength()).isEqualTo(12 + 4 + 12);
    assertThat(packet.payloadOffset()).isEqualTo(7 + 28);
    assertThat(packet.payloadLength()).isEqualTo(4);
    assertThat(packet.paddingLength()).isZero();
  }

  @Test
  void readsUnsignedMaximaWithoutSignExtension() {
    byte[] buf = RtpVectors.plain();
    assertThat(packet.wrap(buf, 0, buf.length)).isTrue();
    assertThat(packet.sequenceNumber()).isEqualTo(65535);
    assertThat(packet.timestamp()).isEqualTo(0xffffffffL);
    assertThat(packet.hasExtension()).isFalse();
    assertThat(packet.extensionProfile()).isEqualTo(-1);
    assertThat(packet.findExtension(1)).isEqualTo(-1);
    assertThat(packet.payloadLength()).isEqualTo(5);
  }

  @Test
  void readsCsrcsAndPadding() {
    byte[] buf = RtpVectors.twoByteExtensionsWithPadding();
    assertThat(packet.wrap(buf, 0, buf.length)).isTrue();
    assertThat(packet.hasPadding()).isTrue();
    assertThat(packet.csrcCount()).isEqualTo(1);
    assertThat(packet.csrc(0)).isEqualTo(0x11111111L);
    assertThat(packet.payloadOffset()).isEqualTo(12 + 4 + 4 + 8);
    assertThat(packet.payloadLength()).isEqualTo(2);
    assertThat(packet.paddingLength()).isEqualTo(3);
  }

  @Test
  void settersWriteInPlace() {
    byte[] buf = RtpVectors.plain();
    packet.wrap(buf, 0, buf.length);
    packet.setMarker(true);
    packet.setPayloadType(100);
    packet.setSequenceNumber(0x10002); // wraps to 16 bits
    packet.setTimestamp(0x1_0000_0005L); // wraps to 32 bits
    packet.setSsrc(0xcafebabeL);
    assertThat(buf)
        .isEqualTo(
            hex(
                "80 e4 // M=1 PT=100",
                "0002 // sequence number",
                "00000005 // timestamp",
                "cafebabe // SSRC",
                "0102030405 // payload untouched"));
    packet.setMarker(false);
    assertThat(packet.marker()).isFalse();
    assertThat(packet.payloadType()).isEqualTo(100);
  }

  @Test
  void removePaddingShortensThePacket() {
    byte[] buf = RtpVectors.twoByteExtensionsWithPadding();
    packet.wrap(buf, 0, buf.length);
    packet.removePadding();
    assertThat(packet.length()).isEqualTo(buf.length - 3);
    assertThat(packet.hasPadding()).isFalse();
    assertThat(packet.wrap(buf, 0, packet.length())).isTrue();
    assertThat(packet.payloadLength()).isEqualTo(2);
  }

  @Test
  void rejectsShortPacketsAndOtherVersions() {
    assertThat(packet.wrap(new byte[11], 0, 11)).isFalse();
    assertThat(packet.status()).isEqualTo(RtpStatus.TOO_SHORT);
    byte[] v1 = RtpVectors.plain();
    v1[0] = 0x40;
    assertThat(packet.wrap(v1, 0, v1.length)).isFalse();
    assertThat(packet.status()).isEqualTo(RtpStatus.BAD_VERSION);
  }

  @Test
  void rejectsBoundsOutsideTheArrayWithoutThrowing() {
    byte[] buf = RtpVectors.plain();
    assertThat(packet.wrap(buf, 4, buf.length)).isFalse();
    assertThat(packet.status()).isEqualTo(RtpStatus.BAD_BOUNDS);
    assertThat(packet.wrap(null, 0, 12)).isFalse();
    assertThat(packet.wrap(buf, -1, 12)).isFalse();
  }

  @Test
  void rejectsCsrcListOverrun() {
    byte[] buf = hex("82 60 0001 00000000 00000001", "11111111 // only 1 of CC=2 CSRCs");
    assertThat(packet.wrap(buf, 0, buf.length)).isFalse();
    assertThat(packet.status()).isEqualTo(RtpStatus.CSRC_OVERRUN);
  }

  @Test
  void rejectsExtensionLengthOverrun() {
    byte[] buf =
        hex(
            "90 60 0001 00000000 00000001 // X=1",
            "bede 0004 // claims 4 words",
            "10 aa 0000 // but only 1 follows");
    assertThat(packet.wrap(buf, 0, buf.length)).isFalse();
    assertThat(packet.status()).isEqualTo(RtpStatus.EXTENSION_OVERRUN);
    byte[] noHeader = hex("90 60 0001 00000000 00000001 // X=1", "bede // cut in the ext header");
    assertThat(packet.wrap(noHeader, 0, noHeader.length)).isFalse();
    assertThat(packet.status()).isEqualTo(RtpStatus.EXTENSION_OVERRUN);
  }

  @Test
  void rejectsPaddingLongerThanThePayload() {
    byte[] buf = hex("a0 60 0001 00000000 00000001 // P=1", "aabb 04 // count 4 > 3 bytes");
    assertThat(packet.wrap(buf, 0, buf.length)).isFalse();
    assertThat(packet.status()).isEqualTo(RtpStatus.PADDING_OVERRUN);
    byte[] zero = hex("a0 60 0001 00000000 00000001 // P=1", "aabb 00 // count 0 is invalid");
    assertThat(packet.wrap(zero, 0, zero.length)).isFalse();
    assertThat(packet.status()).isEqualTo(RtpStatus.PADDING_OVERRUN);
    byte[] empty = hex("a0 60 0001 00000000 00000001 // P=1 and nothing after the header");
    assertThat(packet.wrap(empty, 0, empty.length)).isFalse();
    assertThat(packet.status()).isEqualTo(RtpStatus.PADDING_OVERRUN);
  }

  @Test
  void acceptsPaddingThatFillsThePayload() {
    byte[] buf = hex("a0 60 0001 00000000 00000001 // P=1", "0000 03 // padding only (a probe)");
    assertThat(packet.wrap(buf, 0, buf.length)).isTrue();
    assertThat(packet.payloadLength()).isZero();
  }

  @Test
  void setPaddingAppendsZerosAndTheCountWithinTailroom() {
    byte[] buf = Hex.at(0, RtpVectors.plain(), 4);
    packet.wrap(buf, 0, buf.length - 4);
    assertThat(packet.setPadding(4)).isTrue();
    assertThat(packet.length()).isEqualTo(21);
    assertThat(Hex.toHex(buf, 0, 1)).isEqualTo("a0"); // P set
    assertThat(Hex.toHex(buf, 17, 4)).isEqualTo("00000004");
    assertThat(packet.wrap(buf, 0, packet.length())).isTrue();
    assertThat(packet.paddingLength()).isEqualTo(4);
    assertThat(packet.payloadLength()).isEqualTo(5);
    assertThat(packet.setPadding(5)).as("only 4 bytes of room").isFalse();
    assertThat(packet.setPadding(1)).isTrue();
    assertThat(packet.length()).isEqualTo(18);
    assertThat(packet.setPadding(0)).isTrue();
    assertThat(packet.hasPadding()).isFalse();
    assertThat(packet.length()).isEqualTo(17);
    assertThat(packet.setPadding(256)).isFalse();
  }

  @Test
  void setLengthRevalidatesAfterAnInPlacePayloadChange() {
    byte[] buf = Hex.at(0, RtpVectors.plain(), 3);
    packet.wrap(buf, 0, 17);
    assertThat(packet.setLength(20)).isTrue();
    assertThat(packet.payloadLength()).isEqualTo(8);
    assertThat(packet.setLength(11)).isFalse();
    assertThat(packet.status()).isEqualTo(RtpStatus.TOO_SHORT);
    assertThat(packet.setLength(21)).isFalse();
    assertThat(packet.status()).isEqualTo(RtpStatus.BAD_BOUNDS);
  }
}
