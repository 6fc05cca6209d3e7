package dev.sfumato.engine.dtls;

/**
 * Events of one {@link DtlsSession}. Calls come from the DTLS executor thread (or from the thread
 * that calls {@link DtlsSession#close()}), never from the media worker: the transport hops them
 * onto its worker. Calls of one session never overlap.
 *
 * <p>Order: at most one {@link #onConnected}, then any number of {@link #onApplicationData}, then
 * exactly one terminal call: {@link #onFailed} (the handshake did not complete, or the connection
 * broke) or {@link #onClosed} (an orderly end after {@code onConnected}). Implementations must not
 * throw; a throw is caught and ends the session as {@link DtlsFailureReason#INTERNAL_ERROR}.
 */
public interface DtlsListener {

  /** The handshake completed and the peer's certificate matched its fingerprint. */
  void onConnected(SrtpKeyMaterial keys);

  /**
   * One decrypted application-data record (an SCTP packet, RFC 8261 §5). The view is valid only
   * during the call.
   */
  void onApplicationData(byte[] buf, int off, int len);

  /** Terminal: the handshake failed or the connection broke. {@code detail} is for logs only. */
  void onFailed(DtlsFailureReason reason, String detail);

  /** Terminal: after {@link #onConnected}, the peer sent close_notify or we closed. */
  void onClosed();
}
