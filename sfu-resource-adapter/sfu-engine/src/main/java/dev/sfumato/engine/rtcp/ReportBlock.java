package dev.sfumato.engine.rtcp;

import dev.sfumato.engine.rtp.Bytes;

/**
 * RFC 3550 §6.4.1 report block, as a mutable holder the caller preallocates and reuses: {@link
 * #decode} fills it from a SR/RR, {@link #encode} writes it back.
 *
 * <pre>
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |                 SSRC_1 (SSRC of first source)                 |
 * | fraction lost |       cumulative number of packets lost       |
 * |           extended highest sequence number received           |
 * |                      interarrival jitter                      |
 * |                         last SR (LSR)                         |
 * |                   delay since last SR (DLSR)                  |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * </pre>
 */
public final class ReportBlock {

  public static final int LENGTH = 24;

  public long ssrc;

  /** Fraction lost since the last report, in 1/256 units. */
  public int fractionLost;

  /** Cumulative packets lost, a signed 24-bit value (duplicates can make it negative). */
  public int cumulativeLost;

  public long extendedHighestSequence;

  /** Interarrival jitter in RTP timestamp units. */
  public long jitter;

  /** Middle 32 bits of the NTP timestamp of the last SR received (LSR). */
  public long lastSr;

  /** Delay since that SR in 1/65536 s (DLSR). */
  public long delaySinceLastSr;

  public void decode(byte[] buf, int off) {
    ssrc = Bytes.u32(buf, off);
    fractionLost = buf[off + 4] & 0xFF;
    cumulativeLost = (Bytes.u24(buf, off + 5) << 8) >> 8; // sign-extend 24 bits
    extendedHighestSequence = Bytes.u32(buf, off + 8);
    jitter = Bytes.u32(buf, off + 12);
    lastSr = Bytes.u32(buf, off + 16);
    delaySinceLastSr = Bytes.u32(buf, off + 20);
  }

  /** Writes the block; returns {@link #LENGTH}. Lost counts are clamped to the 24-bit range. */
  public int encode(byte[] buf, int off) {
    Bytes.put32(buf, off, ssrc);
    buf[off + 4] = (byte) fractionLost;
    Bytes.put24(buf, off + 5, Math.max(-0x800000, Math.min(0x7FFFFF, cumulativeLost)));
    Bytes.put32(buf, off + 8, extendedHighestSequence);
    Bytes.put32(buf, off + 12, jitter);
    Bytes.put32(buf, off + 16, lastSr);
    Bytes.put32(buf, off + 20, delaySinceLastSr);
    return LENGTH;
  }
}
