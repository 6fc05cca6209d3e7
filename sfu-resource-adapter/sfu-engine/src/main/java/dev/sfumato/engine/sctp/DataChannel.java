package dev.sfumato.engine.sctp;

/**
 * One data channel (RFC 8831 §6.4): an SCTP stream id used in both directions, with its label,
 * protocol and reliability from DATA_CHANNEL_OPEN. State changes happen on the association's thread
 * only.
 */
public final class DataChannel {

  /** Life cycle (W3C RTCDataChannelState). */
  public enum State {
    CONNECTING,
    OPEN,
    CLOSING,
    CLOSED
  }

  private final int id;
  private final String label;
  private final String protocol;
  private final ChannelType type;
  private final long reliabilityParameter;
  private final int priority;
  private final boolean remote;
  final SendOptions options;
  State state;

  DataChannel(int id, DcepMessage open, boolean remote) {
    this.id = id;
    this.label = open.label();
    this.protocol = open.protocol();
    this.type = open.channelType();
    this.reliabilityParameter = open.reliabilityParameter();
    this.priority = open.priority();
    this.remote = remote;
    this.options = type.sendOptions(reliabilityParameter);
    this.state = remote ? State.OPEN : State.CONNECTING;
  }

  public int id() {
    return id;
  }

  public String label() {
    return label;
  }

  public String protocol() {
    return protocol;
  }

  public ChannelType type() {
    return type;
  }

  public long reliabilityParameter() {
    return reliabilityParameter;
  }

  public int priority() {
    return priority;
  }

  /** Opened by the peer's DATA_CHANNEL_OPEN rather than by us. */
  public boolean remote() {
    return remote;
  }

  public State state() {
    return state;
  }

  @Override
  public String toString() {
    return "DataChannel[" + id + " '" + label + "' " + type + " " + state + "]";
  }
}
