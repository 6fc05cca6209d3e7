package dev.sfumato.engine.sctp;

/**
 * How one message is sent: ordered or not (RFC 9260 §6.6) and its partial reliability (RFC 3758 §4;
 * RFC 8831 §6.1 maxRetransmits / maxPacketLifeTime). At most one of the two limits is set; -1 means
 * unlimited.
 *
 * @param unordered deliver on arrival (U bit) instead of in SSN order
 * @param maxRetransmits retransmissions before the message is abandoned (0 = sent once)
 * @param maxLifetimeMillis milliseconds after {@code send} before the message is abandoned
 */
public record SendOptions(boolean unordered, int maxRetransmits, int maxLifetimeMillis) {

  public static final SendOptions RELIABLE = new SendOptions(false, -1, -1);
  public static final SendOptions UNORDERED = new SendOptions(true, -1, -1);

  public SendOptions {
    if (maxRetransmits < -1 || maxLifetimeMillis < -1) {
      throw new IllegalArgumentException("limits are -1 (none) or >= 0");
    }
    if (maxRetransmits >= 0 && maxLifetimeMillis >= 0) {
      throw new IllegalArgumentException("RFC 8831 §6.1: maxRetransmits or lifetime, not both");
    }
  }

  public boolean reliable() {
    return maxRetransmits < 0 && maxLifetimeMillis < 0;
  }
}
