package dev.sfumato.engine.stats;

/**
 * Why a received datagram was discarded. Peer input never throws: every discarded datagram is
 * counted under exactly one of these, per worker, and surfaces in dumps and metrics.
 */
public enum DropReason {
  /** No transport claims the datagram (no ICE session for its STUN username or source address). */
  NO_TRANSPORT,
  /** Longer than {@code UdpEndpoint.MAX_DATAGRAM_BYTES}: the kernel cut it, so it is unusable. */
  TRUNCATED,
  /** The socket reported an error while reading (e.g. a queued ICMP error). */
  RECEIVE_ERROR,
  /** A handler threw on this datagram: a bug, counted rather than allowed to kill the worker. */
  HANDLER_ERROR
}
