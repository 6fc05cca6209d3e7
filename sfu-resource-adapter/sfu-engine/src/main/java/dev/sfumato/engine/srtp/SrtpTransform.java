package dev.sfumato.engine.srtp;

/**
 * The cryptographic half of one direction of SRTP or SRTCP under one set of session keys: it
 * encrypts and authenticates at a known index, and knows nothing of per-SSRC state. {@link
 * SrtpContext} owns the state and calls this only with lengths it has checked.
 *
 * <p>All methods work in place on {@code buf[off, off + len)} and return the new length or a
 * negative {@link SrtpError#code()}. Not thread-safe: one worker thread per context.
 */
sealed interface SrtpTransform permits AesCmHmacSha1Transform, AesGcmTransform {

  /** Encrypts the payload after {@code headerLength} and appends the tag. */
  int protectRtp(byte[] buf, int off, int headerLength, int len, int ssrc, long index);

  /** Verifies the tag at the end of {@code len}, then decrypts; returns the RTP length. */
  int unprotectRtp(byte[] buf, int off, int headerLength, int len, int ssrc, long index);

  /** Encrypts after the 8-byte header and appends the tag and the E flag with {@code index}. */
  int protectRtcp(byte[] buf, int off, int len, int ssrc, int index);

  /**
   * Verifies and (if E is set in {@code eIndex}) decrypts an SRTCP packet whose trailer the caller
   * has read; returns the RTCP length.
   */
  int unprotectRtcp(byte[] buf, int off, int len, int ssrc, int eIndex);

  /** Offset from the packet end back to the 4-byte E flag + SRTCP index word. */
  int srtcpIndexFromEnd();

  /** Big-endian 32-bit write, the SRTCP index word. */
  static void putInt(byte[] buf, int at, int v) {
    buf[at] = (byte) (v >>> 24);
    buf[at + 1] = (byte) (v >>> 16);
    buf[at + 2] = (byte) (v >>> 8);
    buf[at + 3] = (byte) v;
  }
}
