package dev.sfumato.engine.sctp;

/** Why an association ended (RFC 9260 §9 graceful close, §9.1 abort, §6.3.3/§5.1 timeouts). */
public enum SctpCloseReason {
  /** The SHUTDOWN sequence completed (§9.2). */
  SHUTDOWN,
  /** We sent an ABORT ({@link SctpAssociation#abort}). */
  ABORTED_LOCALLY,
  /** The peer sent an ABORT. */
  ABORTED_BY_PEER,
  /** INIT or COOKIE ECHO went unanswered Max.Init.Retransmits times (§5.1 A, C). */
  HANDSHAKE_TIMEOUT,
  /** Association.Max.Retrans consecutive retransmission timeouts (§8.1). */
  PEER_UNREACHABLE,
  /** The peer sent a message above our max-message-size (RFC 8841 §6); we aborted. */
  MESSAGE_TOO_LARGE,
  /** The peer broke the protocol in a way that cannot be ignored; we aborted. */
  PROTOCOL_VIOLATION
}
