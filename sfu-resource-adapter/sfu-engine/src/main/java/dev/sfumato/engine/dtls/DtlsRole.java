package dev.sfumato.engine.dtls;

/**
 * Which end of the DTLS handshake this transport plays, decided by the SDP {@code a=setup}
 * negotiation of RFC 8842 §5 (RFC 4145 §4): {@code active} is the DTLS client, {@code passive} the
 * server. The session layer maps SDP to this; the engine never sees SDP.
 */
public enum DtlsRole {
  /** Sends the ClientHello ({@code a=setup:active}). */
  CLIENT,
  /** Waits for the ClientHello ({@code a=setup:passive}). */
  SERVER
}
