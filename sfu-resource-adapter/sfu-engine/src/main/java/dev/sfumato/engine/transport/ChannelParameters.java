package dev.sfumato.engine.transport;

import dev.sfumato.engine.api.DataChannelParameters;
import dev.sfumato.engine.sctp.ChannelType;
import dev.sfumato.engine.sctp.DataChannel;
import java.nio.charset.StandardCharsets;

/** The API's data channel parameters and DCEP's DATA_CHANNEL_OPEN fields (RFC 8832 §5.1). */
final class ChannelParameters {

  private ChannelParameters() {}

  /** DCEP carries label and protocol with 16-bit lengths (RFC 8832 §5.1). */
  static void checkLabels(DataChannelParameters channel) {
    if (channel.label().getBytes(StandardCharsets.UTF_8).length > 0xFFFF
        || channel.protocol().getBytes(StandardCharsets.UTF_8).length > 0xFFFF) {
      throw new IllegalArgumentException("label or protocol longer than 65535 bytes");
    }
  }

  static DataChannelParameters parameters(DataChannel ch) {
    int p = (int) Math.min(Integer.MAX_VALUE, ch.reliabilityParameter());
    int kind = ch.type().code & 0x7F;
    return new DataChannelParameters(
        ch.id(),
        ch.label(),
        ch.protocol(),
        !ch.type().unordered(),
        kind == 0x01 ? p : -1,
        kind == 0x02 ? p : -1);
  }

  static ChannelType type(DataChannelParameters p) {
    if (p.maxRetransmits() >= 0) {
      return p.ordered()
          ? ChannelType.PARTIAL_RELIABLE_REXMIT
          : ChannelType.PARTIAL_RELIABLE_REXMIT_UNORDERED;
    }
    if (p.maxPacketLifeTime() >= 0) {
      return p.ordered()
          ? ChannelType.PARTIAL_RELIABLE_TIMED
          : ChannelType.PARTIAL_RELIABLE_TIMED_UNORDERED;
    }
    return p.ordered() ? ChannelType.RELIABLE : ChannelType.RELIABLE_UNORDERED;
  }

  static long reliability(DataChannelParameters p) {
    return Math.max(0, Math.max(p.maxRetransmits(), p.maxPacketLifeTime()));
  }
}
