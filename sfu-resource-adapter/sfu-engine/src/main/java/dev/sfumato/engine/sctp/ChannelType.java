package dev.sfumato.engine.sctp;

/**
 * Channel Type of DATA_CHANNEL_OPEN (RFC 8832 §5.1): reliability and ordering of a data channel.
 * The high bit (0x80) marks unordered; the Reliability Parameter is the retransmission count for
 * REXMIT and the lifetime in milliseconds for TIMED.
 */
public enum ChannelType {
  RELIABLE(0x00),
  RELIABLE_UNORDERED(0x80),
  PARTIAL_RELIABLE_REXMIT(0x01),
  PARTIAL_RELIABLE_REXMIT_UNORDERED(0x81),
  PARTIAL_RELIABLE_TIMED(0x02),
  PARTIAL_RELIABLE_TIMED_UNORDERED(0x82);

  public final int code;

  ChannelType(int code) {
    this.code = code;
  }

  public boolean unordered() {
    return (code & 0x80) != 0;
  }

  /** The type with this code, or null for an unknown one. */
  public static ChannelType of(int code) {
    for (ChannelType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    return null;
  }

  /** How messages of a channel of this type with this reliability parameter are sent. */
  public SendOptions sendOptions(long reliabilityParameter) {
    int p = (int) Math.min(Integer.MAX_VALUE, Math.max(0, reliabilityParameter));
    switch (code & 0x7F) {
      case 0x01:
        return new SendOptions(unordered(), p, -1);
      case 0x02:
        return new SendOptions(unordered(), -1, p);
      default:
        return unordered() ? SendOptions.UNORDERED : SendOptions.RELIABLE;
    }
  }
}
