package dev.sfumato.engine.dtls;

/**
 * What {@link QueueDatagramTransport#offer} did with a datagram. Peer input never throws: every
 * datagram that is not queued is a counted drop with one of these reasons.
 */
public enum OfferResult {
  /** Copied into the queue for the DTLS thread. */
  QUEUED,
  /** Shorter than a DTLS record header (13 bytes, RFC 6347 §4.1): cannot be DTLS. */
  DROPPED_TOO_SHORT,
  /** Longer than the receive limit: a datagram the worker should never have delivered. */
  DROPPED_TOO_LARGE,
  /** The queue's record or byte bound is reached: the DTLS thread is behind. */
  DROPPED_QUEUE_FULL,
  /** The transport is closed. */
  DROPPED_CLOSED
}
