package dev.sfumato.engine.sctp;

/** Events of {@link DataChannels}, on the association's thread; must not throw. */
public interface DataChannelListener {

  /** The SCTP association is up: channels may be opened and used. */
  default void ready() {}

  /** A channel is open: ours after the peer's DATA_CHANNEL_ACK, the peer's on its OPEN. */
  void opened(DataChannel channel);

  /**
   * A message: {@code binary} for PPID 53/57, text (UTF-8) for 51/56. Empty messages (PPID 56/57,
   * RFC 8831 §6.6) arrive as a zero-length array.
   */
  void message(DataChannel channel, byte[] data, boolean binary);

  /** The channel's streams were reset in both directions (RFC 8831 §6.7). */
  void closed(DataChannel channel);

  /** The association ended; every channel is closed with it. */
  default void associationClosed(SctpCloseReason reason) {}
}
