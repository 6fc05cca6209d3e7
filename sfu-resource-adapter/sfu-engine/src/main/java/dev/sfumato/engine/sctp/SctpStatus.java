package dev.sfumato.engine.sctp;

/**
 * Outcome of decoding SCTP input (RFC 9260 §3). Everything but {@link #OK} is a counted drop or a
 * protocol error reported to the peer; nothing on the receive path throws.
 */
public enum SctpStatus {
  OK,
  /** Offset/length outside the array: a caller bug, reported rather than thrown. */
  BAD_BOUNDS,
  /** Fewer bytes than the fixed part of the header or chunk. */
  TOO_SHORT,
  /** The CRC32c of the common header does not match (§6.8). */
  BAD_CHECKSUM,
  /** A chunk or parameter length field is below its minimum or runs past the end. */
  BAD_LENGTH,
  /** A field holds a value the RFC forbids (e.g. a zero Initiate Tag, §3.3.2). */
  MALFORMED,
  /** More items than the decoder's preallocated capacity. */
  TOO_LARGE
}
