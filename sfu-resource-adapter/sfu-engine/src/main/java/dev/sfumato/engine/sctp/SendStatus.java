package dev.sfumato.engine.sctp;

/** Outcome of {@link SctpAssociation#send}; only OK queues the message. */
public enum SendStatus {
  OK,
  /** The send buffer limit would be exceeded: wait for {@code bufferedAmount} to fall. */
  BUFFER_FULL,
  /** Larger than the peer's max-message-size (RFC 8841 §6). */
  TOO_LARGE,
  /** Stream id outside the negotiated streams. */
  BAD_STREAM,
  /** Shutting down or terminated. */
  CLOSED
}
