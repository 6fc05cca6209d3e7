package dev.sfumato.engine.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Peer input never throws: any bytes either wrap into a consistent view or are rejected with a
 * reason, and extension lookups and rewrites on a wrapped view stay inside the packet.
 */
class RtpPacketFuzzTest {

  private final RtpPacket packet = new RtpPacket();

  @FuzzTest
  void wrapAndExtensionLookupNeverThrow(byte[] data) {
    // Wrap at an offset with slack on both sides so reads past the view would be caught below.
    byte[] buf = Hex.at(3, data, 5);
    byte[] before = buf.clone();
    if (!packet.wrap(buf, 3, data.length)) {
      assertThat(packet.status()).isNotEqualTo(RtpStatus.OK);
      return;
    }
    int end = 3 + data.length;
    assertThat(packet.payloadOffset()).isBetween(3 + 12, end);
    assertThat(packet.payloadOffset() + packet.payloadLength() + packet.paddingLength())
        .isEqualTo(end);
    for (int id = 0; id <= 256; id++) {
      int at = packet.findExtension(id);
      if (at >= 0) {
        assertThat(at + packet.foundExtensionLength()).isLessThanOrEqualTo(end);
        assertThat(at).isGreaterThanOrEqualTo(3 + 16);
      }
    }
    AudioLevelExtension.read(packet, 1);
    AbsSendTimeExtension.write(packet, 2, 0x123456);
    TransportCcExtension.write(packet, 3, 0xBEEF);
    SdesItemExtension.indexOf(packet, 4, new byte[][] {{'q'}, {'h'}});
    packet.clearExtension(5);
    // Rewrites stay inside the view: the slack around it is untouched.
    assertThat(Arrays.equals(buf, 0, 3, before, 0, 3)).isTrue();
    assertThat(Arrays.equals(buf, end, buf.length, before, end, buf.length)).isTrue();
    if (Rtx.wrap(packet, 97, 0x1234, 7)) {
      assertThat(Rtx.unwrap(packet, 96, 0x5678)).isBetween(0, 0xFFFF);
    }
    if (packet.setPadding(4)) {
      assertThat(packet.setLength(packet.length())).isTrue();
      assertThat(packet.paddingLength()).isEqualTo(4);
    }
  }
}
