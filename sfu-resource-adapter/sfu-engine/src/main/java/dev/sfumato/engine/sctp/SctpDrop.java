package dev.sfumato.engine.sctp;

/** Why peer input was dropped; each reason is counted ({@link SctpAssociation#drops}). */
public enum SctpDrop {
  /** Short packet or CRC32c mismatch (RFC 9260 §6.8) or a bad chunk length. */
  MALFORMED_PACKET,
  /** Ports other than the ones from the SDP (RFC 8841 §5). */
  WRONG_PORT,
  /** Verification tag rules of §8.5 failed. */
  WRONG_TAG,
  /** A chunk whose fields did not decode. */
  MALFORMED_CHUNK,
  /** A chunk that the current state does not accept (e.g. INIT ACK when not in COOKIE-WAIT). */
  UNEXPECTED_CHUNK,
  /** COOKIE ECHO whose MAC, lifetime or tag did not verify (§5.1.5); no state was created. */
  BAD_COOKIE,
  /** DATA beyond the tracked TSN window or our receive window (§6.2). */
  DATA_NO_ROOM,
  /** An unrecognized chunk type (§3.2). */
  UNKNOWN_CHUNK,
  /** Input after the association terminated. */
  AFTER_CLOSE
}
