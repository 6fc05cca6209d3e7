package dev.sfumato.whip;

/** The two kinds of HTTP-signalled WebRTC session this module serves. */
public enum SessionKind {
  /** RFC 9725 ingest: the client publishes. */
  WHIP,
  /** WebRTC-HTTP egress: the client watches. */
  WHEP
}
