package dev.sfumato.engine.rtp;

/**
 * Why {@link RtpPacket#wrap} rejected a datagram (RFC 3550 §5.1, §A.1; RFC 8285 §4). The receive
 * pipeline counts each as a drop reason; nothing on this path throws.
 */
public enum RtpStatus {
  OK,
  /** Offset/length outside the array: a caller bug, reported rather than thrown. */
  BAD_BOUNDS,
  /** Shorter than the 12-byte fixed header. */
  TOO_SHORT,
  /** Version field is not 2. */
  BAD_VERSION,
  /** The CSRC list (CC × 4 bytes) runs past the end. */
  CSRC_OVERRUN,
  /** The header extension's 4-byte header or its declared length runs past the end. */
  EXTENSION_OVERRUN,
  /** P is set but the padding count is 0 or larger than what follows the header (§5.1). */
  PADDING_OVERRUN
}
