package dev.sfumato.engine.dtls;

/**
 * Why a DTLS session failed. A {@link #FINGERPRINT_MISMATCH} is kept apart from everything else: it
 * means the peer is not who the signalling said (RFC 8122 §5, RFC 8827 §6.5), and the transport
 * must close DTLS, SRTP and data channels together.
 */
public enum DtlsFailureReason {
  /** Our check of the peer certificate against the SDP fingerprint failed (or it sent none). */
  FINGERPRINT_MISMATCH,
  /** No completed handshake within the configured timeout (peer silent or too lossy). */
  HANDSHAKE_TIMEOUT,
  /** The peer sent a fatal alert (for example bad_certificate when it rejected our fingerprint). */
  ALERT_RECEIVED,
  /** We aborted on a protocol error of the peer's (bad message, no common cipher suite…). */
  PROTOCOL_ERROR,
  /** No common SRTP protection profile, or the peer did not negotiate use_srtp (RFC 5764 §4.1). */
  SRTP_NEGOTIATION_FAILED,
  /** {@link DtlsSession#close()} was called before the handshake completed. */
  CLOSED,
  /** Our side failed (the executor rejected the task, the sender threw, a bug). */
  INTERNAL_ERROR
}
