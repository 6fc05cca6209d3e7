package dev.sfumato.engine.rtcp;

import dev.sfumato.engine.rtp.Bytes;

/**
 * RFC 4585 §6.2.1 generic NACK (RTPFB, FMT 1). Each FCI names a lost packet (PID) and a bitmask of
 * the 16 following ones (BLP, bit i set = PID + i + 1 lost).
 *
 * <pre>
 * |V=2|P|  FMT=1  |   PT=205      |          length               |
 * |                  SSRC of packet sender                        |
 * |                  SSRC of media source                         |
 * |            PID                |             BLP               |  × N
 * </pre>
 */
public final class Nack {

  public static final int FCI_LENGTH = 4;

  private Nack() {}

  /** OK, or TRUNCATED without at least one whole FCI (§6.2.1: one or more). */
  public static RtcpStatus validate(byte[] buf, int off, int len) {
    if (len < RtcpFeedback.HEADER_LENGTH + FCI_LENGTH) {
      return RtcpStatus.TRUNCATED;
    }
    return RtcpStatus.OK;
  }

  /** Whole FCIs in the message; a trailing partial word is ignored. */
  public static int fciCount(int len) {
    return Math.max(0, (len - RtcpFeedback.HEADER_LENGTH) / FCI_LENGTH);
  }

  public static int pid(byte[] buf, int off, int index) {
    return Bytes.u16(buf, off + RtcpFeedback.HEADER_LENGTH + FCI_LENGTH * index);
  }

  public static int blp(byte[] buf, int off, int index) {
    return Bytes.u16(buf, off + RtcpFeedback.HEADER_LENGTH + FCI_LENGTH * index + 2);
  }

  /**
   * Expands every FCI into the lost sequence numbers, in FCI order.
   *
   * @return how many were written to {@code out}; stops when {@code out} is full
   */
  public static int lostSequences(byte[] buf, int off, int len, int[] out) {
    int n = 0;
    int fcis = fciCount(len);
    for (int i = 0; i < fcis && n < out.length; i++) {
      int pid = pid(buf, off, i);
      int blp = blp(buf, off, i);
      out[n++] = pid;
      for (int bit = 0; bit < 16 && n < out.length; bit++) {
        if ((blp & (1 << bit)) != 0) {
          out[n++] = (pid + bit + 1) & 0xFFFF;
        }
      }
    }
    return n;
  }

  /** FCIs needed to pack {@code seqs[0..count)} as {@link #write} does. */
  public static int fciCountFor(int[] seqs, int count) {
    int fcis = 0;
    int pid = -1;
    for (int i = 0; i < count; i++) {
      int diff = pid < 0 ? -1 : (seqs[i] - pid) & 0xFFFF;
      if (diff < 0 || diff > 16) {
        pid = seqs[i] & 0xFFFF;
        fcis++;
      }
    }
    return fcis;
  }

  public static int encodedSize(int[] seqs, int count) {
    return RtcpFeedback.HEADER_LENGTH + FCI_LENGTH * fciCountFor(seqs, count);
  }

  /**
   * Packs lost sequence numbers, given in ascending order (modulo 2^16), into PID+BLP pairs: a
   * sequence within 16 after the current PID goes into its BLP, any other starts a new FCI.
   *
   * @return the length written, or -1 if {@code count} is 0 or it does not fit in {@code buf}
   */
  public static int write(
      byte[] buf, int off, long senderSsrc, long mediaSsrc, int[] seqs, int count) {
    int size = encodedSize(seqs, count);
    if (count <= 0 || !Bytes.inBounds(buf, off, size)) {
      return -1;
    }
    RtcpFeedback.writeHeader(
        buf, off, RtcpFeedback.FMT_NACK, RtcpHeader.RTPFB, senderSsrc, mediaSsrc, size);
    int fci = off + RtcpFeedback.HEADER_LENGTH - FCI_LENGTH;
    int pid = -1;
    int blp = 0;
    for (int i = 0; i < count; i++) {
      int diff = pid < 0 ? -1 : (seqs[i] - pid) & 0xFFFF;
      if (diff >= 1 && diff <= 16) {
        blp |= 1 << (diff - 1);
      } else if (diff != 0) {
        if (pid >= 0) {
          Bytes.put16(buf, fci + 2, blp);
        }
        fci += FCI_LENGTH;
        pid = seqs[i] & 0xFFFF;
        blp = 0;
        Bytes.put16(buf, fci, pid);
      }
    }
    Bytes.put16(buf, fci + 2, blp);
    return size;
  }
}
