package dev.sfumato.engine.rtp;

import static dev.sfumato.engine.rtp.Hex.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RtxTest {

  private final RtpPacket packet = new RtpPacket();

  @Test
  void wrapPrependsTheOriginalSequenceNumberAndUnwrapRestoresThePacket() {
    byte[] original = RtpVectors.twoByteExtensionsWithPadding();
    byte[] buf = Hex.at(0, original, 2);
    packet.wrap(buf, 0, original.length);

    assertThat(Rtx.wrap(packet, 97, 0x22222222L, 0x0500)).isTrue();
    assertThat(packet.length()).isEqualTo(original.length + 2);
    assertThat(packet.payloadType()).isEqualTo(97);
    assertThat(packet.ssrc()).isEqualTo(0x22222222L);
    assertThat(packet.sequenceNumber()).isEqualTo(0x0500);
    assertThat(packet.payloadLength()).isEqualTo(4);
    assertThat(packet.paddingLength()).isEqualTo(3);
    assertThat(Hex.toHex(buf, packet.payloadOffset(), 7))
        .isEqualTo("0001" + "aabb" + "000003"); // OSN 1, original payload, padding kept last

    assertThat(Rtx.unwrap(packet, 96, 1)).isEqualTo(1);
    assertThat(packet.length()).isEqualTo(original.length);
    assertThat(Arrays.copyOf(buf, original.length)).isEqualTo(original);
  }

  @Test
  void wrapNeedsTwoBytesOfTailroom() {
    byte[] buf = RtpVectors.plain();
    packet.wrap(buf, 0, buf.length);
    assertThat(Rtx.wrap(packet, 97, 2, 3)).isFalse();
    assertThat(buf).isEqualTo(RtpVectors.plain());
  }

  @Test
  void unwrapRejectsPaddingOnlyProbes() {
    byte[] buf = hex("a0 61 0001 00000000 00000003 // RTX PT 97, P=1", "0000 03 // padding only");
    packet.wrap(buf, 0, buf.length);
    assertThat(Rtx.unwrap(packet, 96, 1)).isEqualTo(-1);
    assertThat(packet.payloadType()).isEqualTo(97);
  }
}
