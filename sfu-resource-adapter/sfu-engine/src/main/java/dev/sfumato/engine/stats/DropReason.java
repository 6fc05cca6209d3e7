package dev.sfumato.engine.stats;

/**
 * Why a received datagram was discarded (or, for {@link #INJECTED_LOSS}, one about to be sent).
 * Peer input never throws: every discarded datagram is counted under exactly one of these, per
 * worker, and surfaces in dumps and metrics.
 */
public enum DropReason {
  /** No transport claims the datagram (no ICE session for its STUN username or source address). */
  NO_TRANSPORT,
  /** Longer than {@code UdpEndpoint.MAX_DATAGRAM_BYTES}: the kernel cut it, so it is unusable. */
  TRUNCATED,
  /** The socket reported an error while reading (e.g. a queued ICMP error). */
  RECEIVE_ERROR,
  /** A handler threw on this datagram: a bug, counted rather than allowed to kill the worker. */
  HANDLER_ERROR,
  /** First byte outside the RFC 7983 §7 ranges for STUN, DTLS and RTP/RTCP (or empty). */
  UNKNOWN_PROTOCOL,
  /** Looks like STUN by its first byte but does not parse (RFC 8489 §5 header, attributes). */
  STUN_MALFORMED,
  /** A STUN message whose USERNAME names no local ufrag of this worker (or has none). */
  STUN_UNKNOWN_USERNAME,
  /** The transport's ICE agent refused it: not a Binding request, bad integrity, amplification. */
  STUN_REJECTED,
  /** DTLS or SRTP from an address that has not passed an ICE check (or lost consent). */
  NOT_VALIDATED_SOURCE,
  /** The DTLS queue of the transport is full: its handshake thread is behind. */
  DTLS_QUEUE_FULL,
  /** DTLS record too short, too long, or the transport's DTLS has ended. */
  DTLS_REJECTED,
  /** SRTP/SRTCP before the DTLS handshake produced keys. */
  SRTP_NOT_READY,
  /** SRTP/SRTCP authentication tag did not verify (RFC 3711 §3.3 step 5). */
  SRTP_AUTH_FAILED,
  /** SRTP/SRTCP index already seen or older than the replay window (RFC 3711 §3.3.2). */
  SRTP_REPLAYED,
  /** SRTP refused the packet for another reason (too short, malformed, SSRC limit). */
  SRTP_REJECTED,
  /** Decrypted RTP whose header does not parse (RFC 3550 §5.1). */
  RTP_MALFORMED,
  /** Decrypted RTCP whose compound walk failed (RFC 3550 §6.1, A.2). */
  RTCP_MALFORMED,
  /** RTP with an SSRC no producer of the transport signalled or could be bound to by mid/rid. */
  UNKNOWN_SSRC,
  /** DTLS application data (SCTP) on a transport without {@code enableSctp}. */
  SCTP_NOT_ENABLED,
  /**
   * Test-only fault injection ({@code injectLoss}): a DTLS record or SRTP/SRTCP datagram dropped on
   * purpose, inbound or outbound.
   */
  INJECTED_LOSS
}
