package dev.sfumato.engine.rtcp;

/**
 * Outcome of walking or decoding RTCP (RFC 3550 §6.4, §A.2). Everything but {@link #OK} and {@link
 * #END} is a counted drop; nothing on this path throws.
 */
public enum RtcpStatus {
  OK,
  /** The compound packet was walked to its end cleanly. */
  END,
  /** Offset/length outside the array: a caller bug, reported rather than thrown. */
  BAD_BOUNDS,
  /** Fewer than 4 bytes left for a common header. */
  TOO_SHORT,
  /** Version field is not 2. */
  BAD_VERSION,
  /** A sub-packet's length field runs past the end of the datagram. */
  LENGTH_OVERRUN,
  /** Padding on a sub-packet other than the last, or a padding count of 0 or past the header. */
  PADDING_OVERRUN,
  /** A message shorter than its type's fixed part, or its count of items says. */
  TRUNCATED,
  /** A field holds a value its RFC forbids (e.g. a reserved transport-cc symbol). */
  MALFORMED,
  /** More items than the caller's preallocated capacity. */
  TOO_LARGE
}
