package dev.sfumato.engine.sctp;

/** Association states of RFC 9260 §4 (CLOSED doubles as "listening": an INIT is answered). */
public enum SctpState {
  CLOSED,
  COOKIE_WAIT,
  COOKIE_ECHOED,
  ESTABLISHED,
  SHUTDOWN_PENDING,
  SHUTDOWN_SENT,
  SHUTDOWN_RECEIVED,
  SHUTDOWN_ACK_SENT,
  /** Terminal, after {@link SctpListener#closed}: all input is dropped, sends are refused. */
  TERMINATED
}
