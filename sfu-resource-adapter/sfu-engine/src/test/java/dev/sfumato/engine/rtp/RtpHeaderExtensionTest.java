package dev.sfumato.engine.rtp;

import static dev.sfumato.engine.rtp.Hex.hex;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RtpHeaderExtensionTest {

  private final RtpPacket packet = new RtpPacket();

  @Test
  void findsOneByteElementsById() {
    byte[] buf = RtpVectors.oneByteExtensions();
    packet.wrap(buf, 0, buf.length);
    assertThat(packet.findExtension(1)).isEqualTo(17);
    assertThat(packet.foundExtensionLength()).isEqualTo(1);
    assertThat(packet.findExtension(2)).isEqualTo(19);
    assertThat(packet.foundExtensionLength()).isEqualTo(3);
    assertThat(packet.findExtension(3)).isEqualTo(23);
    assertThat(packet.foundExtensionLength()).isEqualTo(2);
    assertThat(packet.findExtension(4)).isEqualTo(26);
    assertThat(packet.findExtension(5)).isEqualTo(-1);
    assertThat(packet.findExtension(0)).as("id 0 is padding, never an element").isEqualTo(-1);
    assertThat(packet.findExtension(15)).as("id 15 is reserved").isEqualTo(-1);
  }

  @Test
  void findsTwoByteElementsIncludingEmptyOnesAndIdsAbove14() {
    byte[] buf = RtpVectors.twoByteExtensionsWithPadding();
    packet.wrap(buf, 0, buf.length);
    assertThat(packet.findExtension(1)).isEqualTo(22);
    assertThat(packet.foundExtensionLength()).isEqualTo(2);
    assertThat(packet.findExtension(16)).isEqualTo(27);
    assertThat(packet.foundExtensionLength()).isZero();
    assertThat(packet.findExtension(2)).isEqualTo(-1);
    assertThat(packet.findExtension(256)).isEqualTo(-1);
  }

  @Test
  void stopsAtReservedId15() {
    byte[] buf =
        hex(
            "90 60 0001 00000000 00000001",
            "bede 0001",
            "f0 // id=15: stop processing (RFC 8285 §4.2)",
            "10 aa 00 // id=1 after it must not be found");
    packet.wrap(buf, 0, buf.length);
    assertThat(packet.findExtension(1)).isEqualTo(-1);
  }

  @Test
  void elementOverrunningTheBlockIsNotFound() {
    byte[] buf =
        hex(
            "90 60 0001 00000000 00000001",
            "bede 0001",
            "1f aabbcc // id=1 claims 16 bytes in a 4-byte block",
            "ffffffff // payload: must not be read as the value");
    assertThat(packet.wrap(buf, 0, buf.length)).isTrue();
    assertThat(packet.findExtension(1)).isEqualTo(-1);
    byte[] two =
        hex(
            "90 60 0001 00000000 00000001",
            "1000 0001",
            "01 05 aabb // id=1 claims 5 bytes, 2 left",
            "ffffffff");
    assertThat(packet.wrap(two, 0, two.length)).isTrue();
    assertThat(packet.findExtension(1)).isEqualTo(-1);
  }

  @Test
  void unknownProfileHasNoElements() {
    byte[] buf = hex("90 60 0001 00000000 00000001", "abcd 0001 // another profile", "10aa0000");
    assertThat(packet.wrap(buf, 0, buf.length)).isTrue();
    assertThat(packet.findExtension(1)).isEqualTo(-1);
  }

  @Test
  void setExtensionRewritesOnlyAnElementOfTheSameLength() {
    byte[] buf = RtpVectors.oneByteExtensions();
    packet.wrap(buf, 0, buf.length);
    assertThat(packet.setExtension(3, new byte[] {(byte) 0xab, (byte) 0xcd}, 0, 2)).isTrue();
    assertThat(TransportCcExtension.read(packet, 3)).isEqualTo(0xabcd);
    assertThat(packet.setExtension(3, new byte[3], 0, 3)).isFalse();
    assertThat(packet.setExtension(9, new byte[2], 0, 2)).isFalse();
  }

  @Test
  void clearExtensionTurnsTheElementIntoPadding() {
    byte[] buf = RtpVectors.oneByteExtensions();
    packet.wrap(buf, 0, buf.length);
    assertThat(packet.clearExtension(2)).isTrue();
    assertThat(Hex.toHex(buf, 16, 12)).isEqualTo("10d5" + "00000000" + "310102" + "4068" + "00");
    assertThat(packet.findExtension(2)).isEqualTo(-1);
    assertThat(TransportCcExtension.read(packet, 3)).isEqualTo(0x0102);
    assertThat(packet.clearExtension(2)).isFalse();
    byte[] two = RtpVectors.twoByteExtensionsWithPadding();
    packet.wrap(two, 0, two.length);
    assertThat(packet.clearExtension(1)).isTrue();
    assertThat(packet.findExtension(16)).isEqualTo(27);
  }

  @Test
  void audioLevelReadsLevelAndVoiceBit() {
    byte[] buf = RtpVectors.oneByteExtensions();
    packet.wrap(buf, 0, buf.length);
    int raw = AudioLevelExtension.read(packet, 1);
    assertThat(AudioLevelExtension.level(raw)).isEqualTo(85);
    assertThat(AudioLevelExtension.voice(raw)).isTrue();
    assertThat(AudioLevelExtension.read(packet, 9)).isEqualTo(-1);
    assertThat(AudioLevelExtension.encode(85, true)).isEqualTo(0xd5);
    assertThat(AudioLevelExtension.encode(200, false)).isEqualTo(127);
    assertThat(AudioLevelExtension.encode(-3, false)).isZero();
  }

  @Test
  void absSendTimeReadsAndRewrites24Bits() {
    byte[] buf = RtpVectors.oneByteExtensions();
    packet.wrap(buf, 0, buf.length);
    assertThat(AbsSendTimeExtension.read(packet, 2)).isEqualTo(0x123456);
    assertThat(AbsSendTimeExtension.write(packet, 2, 0xfedcba)).isTrue();
    assertThat(Hex.toHex(buf, 19, 3)).isEqualTo("fedcba");
    assertThat(AbsSendTimeExtension.read(packet, 3)).as("2-byte element").isEqualTo(-1);
    assertThat(AbsSendTimeExtension.write(packet, 3, 1)).isFalse();
  }

  @Test
  void absSendTimeFromNanosIs6Dot18SecondsModulo64() {
    assertThat(AbsSendTimeExtension.fromNanos(0)).isZero();
    assertThat(AbsSendTimeExtension.fromNanos(1_000_000_000L)).isEqualTo(1 << 18);
    assertThat(AbsSendTimeExtension.fromNanos(1_500_000_000L)).isEqualTo(3 << 17);
    assertThat(AbsSendTimeExtension.fromNanos(65_000_000_000L))
        .as("wraps at 64 s")
        .isEqualTo(1 << 18);
    assertThat(AbsSendTimeExtension.fromNanos(Long.MAX_VALUE)).isBetween(0, 0xffffff);
  }

  @Test
  void transportCcReadsAndRewritesTheSequence() {
    byte[] buf = RtpVectors.oneByteExtensions();
    packet.wrap(buf, 0, buf.length);
    assertThat(TransportCcExtension.read(packet, 3)).isEqualTo(258);
    assertThat(TransportCcExtension.write(packet, 3, 0x1ffff)).isTrue();
    assertThat(TransportCcExtension.read(packet, 3)).isEqualTo(0xffff);
    assertThat(TransportCcExtension.read(packet, 2)).as("3-byte element").isEqualTo(-1);
  }

  @Test
  void ridMatchesAsBytesIgnoringTrailingNuls() {
    byte[] buf = RtpVectors.oneByteExtensions();
    packet.wrap(buf, 0, buf.length);
    byte[][] rids = {{'q'}, {'h'}, {'f'}};
    assertThat(SdesItemExtension.indexOf(packet, 4, rids)).isEqualTo(1);
    assertThat(SdesItemExtension.indexOf(packet, 5, rids)).isEqualTo(-1);
    byte[] value = {'h', 'i', 0, 0};
    assertThat(SdesItemExtension.textLength(value, 0, 4)).isEqualTo(2);
    assertThat(SdesItemExtension.matches(value, 0, 4, new byte[] {'h', 'i'})).isTrue();
    assertThat(SdesItemExtension.matches(value, 0, 4, new byte[] {'h'})).isFalse();
    assertThat(SdesItemExtension.matches(value, 0, 4, new byte[] {'h', 'o'})).isFalse();
  }
}
