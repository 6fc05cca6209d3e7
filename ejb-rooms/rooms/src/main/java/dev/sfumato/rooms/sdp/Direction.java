package dev.sfumato.rooms.sdp;

/** The media direction attributes (RFC 8866 §6.7), always from the point of view of the writer. */
public enum Direction implements Attribute {
  SENDRECV("sendrecv"),
  SENDONLY("sendonly"),
  RECVONLY("recvonly"),
  INACTIVE("inactive");

  private final String sdpName;

  Direction(String sdpName) {
    this.sdpName = sdpName;
  }

  static Direction of(String name) {
    for (Direction d : values()) {
      if (d.sdpName.equals(name)) {
        return d;
      }
    }
    return null;
  }

  /** The writer of this direction sends media. */
  public boolean sends() {
    return this == SENDRECV || this == SENDONLY;
  }

  /** The writer of this direction receives media. */
  public boolean receives() {
    return this == SENDRECV || this == RECVONLY;
  }

  /** The direction the other side writes for the same stream (sendonly ↔ recvonly). */
  public Direction reverse() {
    return switch (this) {
      case SENDONLY -> RECVONLY;
      case RECVONLY -> SENDONLY;
      default -> this;
    };
  }

  /** The direction that sends when {@code send} and receives when {@code receive}. */
  public static Direction of(boolean send, boolean receive) {
    if (send) {
      return receive ? SENDRECV : SENDONLY;
    }
    return receive ? RECVONLY : INACTIVE;
  }

  /** The lower-case SDP spelling, e.g. "recvonly". */
  public String sdpName() {
    return sdpName;
  }

  @Override
  public String attributeName() {
    return sdpName;
  }

  @Override
  public String attributeValue() {
    return null;
  }
}
