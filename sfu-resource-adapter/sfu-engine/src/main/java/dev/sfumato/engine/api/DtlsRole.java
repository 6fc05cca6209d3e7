package dev.sfumato.engine.api;

/**
 * Which side of the DTLS handshake the engine takes (RFC 5763 §5): AUTO until the remote SDP's
 * {@code a=setup} is known; SERVER when the peer is {@code active} or {@code actpass} (we answer
 * {@code passive}), CLIENT when the peer is {@code passive}.
 */
public enum DtlsRole {
  AUTO,
  CLIENT,
  SERVER
}
