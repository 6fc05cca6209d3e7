package dev.sfumato.engine.sctp;

/**
 * Events of one {@link SctpAssociation}, called on the thread that drives it (inside {@code
 * receive}, {@code onTimer} or a send call). Implementations must not throw; they may call back
 * into the association (send, resetStream), which then queues rather than re-enters.
 */
public interface SctpListener {

  /** COOKIE ECHO / COOKIE ACK completed (§5.1): streams may carry data. */
  void associationEstablished();

  /**
   * One complete message. {@code data} is a fresh array owned by the listener from now on
   * (reassembly already had to copy the fragments).
   *
   * @param ppid the Payload Protocol Identifier (RFC 8831 §8: 50 DCEP, 51 string, 53 binary ...)
   * @param ordered false for a message sent with the U bit
   */
  void message(int streamId, int ppid, byte[] data, boolean ordered);

  /** The peer reset its outgoing stream {@code streamId} (RFC 6525 §5.2.2): SSNs restart at 0. */
  void streamReset(int streamId);

  /** Terminal; after it the association drops all input and refuses sends. */
  void closed(SctpCloseReason reason);
}
