package dev.sfumato.engine.api;

import java.util.Objects;

/**
 * One WebRTC data channel (RFC 8831 §6.1, the fields of DCEP's DATA_CHANNEL_OPEN, RFC 8832 §5.1).
 *
 * @param streamId the SCTP stream id, 0..65534; -1 lets the engine pick a free one of its parity
 *     and open the channel with DCEP
 * @param label the channel's label (LiveKit: {@code _reliable}, {@code _lossy})
 * @param protocol the sub-protocol, often empty
 * @param ordered in-order delivery
 * @param maxRetransmits partial reliability by retransmissions (RFC 3758), -1 when unset
 * @param maxPacketLifeTime partial reliability by lifetime in milliseconds, -1 when unset; at most
 *     one of the two is set
 */
public record DataChannelParameters(
    int streamId,
    String label,
    String protocol,
    boolean ordered,
    int maxRetransmits,
    int maxPacketLifeTime) {

  public DataChannelParameters {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(protocol, "protocol");
    if (streamId < -1 || streamId > 65534) {
      throw invalid("stream id " + streamId + " out of -1..65534");
    }
    if (maxRetransmits < -1 || maxPacketLifeTime < -1) {
      throw invalid("maxRetransmits and maxPacketLifeTime are -1 (unset) or >= 0");
    }
    if (maxRetransmits >= 0 && maxPacketLifeTime >= 0) {
      throw invalid("maxRetransmits and maxPacketLifeTime are exclusive (RFC 8831 §6.1)");
    }
  }

  /** An ordered, reliable channel the engine opens on a free stream id. */
  public static DataChannelParameters reliable(String label) {
    return new DataChannelParameters(-1, label, "", true, -1, -1);
  }

  /** An unordered channel without retransmissions (LiveKit's {@code _lossy}). */
  public static DataChannelParameters lossy(String label) {
    return new DataChannelParameters(-1, label, "", false, 0, -1);
  }

  /** The same channel on another stream id. */
  public DataChannelParameters withStreamId(int id) {
    return new DataChannelParameters(
        id, label, protocol, ordered, maxRetransmits, maxPacketLifeTime);
  }

  public boolean reliable() {
    return maxRetransmits < 0 && maxPacketLifeTime < 0;
  }

  private static EngineException invalid(String message) {
    return new EngineException(EngineException.Code.INVALID_ARGUMENT, message);
  }
}
