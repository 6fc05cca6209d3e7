package dev.sfumato.engine.rtcp;

import dev.sfumato.engine.rtp.Bytes;

/**
 * RFC 3550 §6.5 source description (PT 202): a cursor over its chunks that surfaces each chunk's
 * SSRC and CNAME (§6.5.1) in place, and a writer for the one-chunk CNAME packet every compound
 * report carries.
 *
 * <pre>
 * |V=2|P|    SC   |  PT=SDES=202  |             length            |
 * |                          SSRC/CSRC_1                          |  chunk 1
 * |    CNAME=1    |     length    | user and domain name        ...
 * |    type=0 (end of list), then 0-3 more null octets to a 32-bit boundary
 * </pre>
 *
 * Reusable: {@link #wrap} then {@link #nextChunk} until false.
 */
public final class Sdes {

  public static final int CNAME = 1;

  private byte[] buf;
  private int packetOff;
  private int cursor;
  private int end;
  private int chunksLeft;
  private long ssrc;
  private int cnameOff;
  private int cnameLen;
  private RtcpStatus status = RtcpStatus.BAD_BOUNDS;

  /** Points at an SDES sub-packet as returned by {@link RtcpCompound}. */
  public void wrap(byte[] buf, int off, int len) {
    this.buf = buf;
    this.packetOff = off;
    this.cursor = off + RtcpHeader.LENGTH;
    this.end = off + len;
    this.chunksLeft = RtcpHeader.count(buf, off);
    this.status = RtcpStatus.OK;
  }

  /**
   * Advances to the next chunk.
   *
   * @return false after the last chunk ({@link #status()} END) or on a truncated one (TRUNCATED)
   */
  public boolean nextChunk() {
    if (status != RtcpStatus.OK) {
      return false;
    }
    if (chunksLeft == 0) {
      status = RtcpStatus.END;
      return false;
    }
    chunksLeft--;
    status = readChunk();
    return status == RtcpStatus.OK;
  }

  private RtcpStatus readChunk() {
    if (end - cursor < 4) {
      return RtcpStatus.TRUNCATED;
    }
    ssrc = Bytes.u32(buf, cursor);
    cnameOff = -1;
    cnameLen = 0;
    int p = cursor + 4;
    while (p < end) {
      int type = buf[p] & 0xFF;
      if (type == 0) {
        // §6.5: the list ends with a null octet, then padding to the next 32-bit boundary.
        int next = packetOff + ((p + 1 - packetOff + 3) & ~3);
        cursor = Math.min(next, end);
        return RtcpStatus.OK;
      }
      if (p + 2 > end || (buf[p + 1] & 0xFF) > end - p - 2) {
        return RtcpStatus.TRUNCATED;
      }
      int itemLen = buf[p + 1] & 0xFF;
      if (type == CNAME) {
        cnameOff = p + 2;
        cnameLen = itemLen;
      }
      p += 2 + itemLen;
    }
    return RtcpStatus.TRUNCATED; // no end-of-list octet
  }

  public RtcpStatus status() {
    return status;
  }

  public long chunkSsrc() {
    return ssrc;
  }

  /** Absolute offset of the current chunk's CNAME text, or -1 if it has none. */
  public int cnameOffset() {
    return cnameOff;
  }

  public int cnameLength() {
    return cnameLen;
  }

  public static int encodedSize(int cnameLength) {
    // header + SSRC + (type, length, text, end-of-list) rounded up to 32 bits
    return RtcpHeader.LENGTH + 4 + ((2 + cnameLength + 1 + 3) & ~3);
  }

  /**
   * Writes an SDES with one chunk holding a CNAME (at most 255 bytes, §6.5).
   *
   * @return the length written, or -1 if it does not fit
   */
  public static int writeCname(
      byte[] buf, int off, long ssrc, byte[] cname, int cnameOff, int cnameLen) {
    int size = encodedSize(cnameLen);
    if (cnameLen < 0 || cnameLen > 255 || !Bytes.inBounds(buf, off, size)) {
      return -1;
    }
    RtcpHeader.write(buf, off, 1, RtcpHeader.SDES, size);
    Bytes.put32(buf, off + 4, ssrc);
    buf[off + 8] = CNAME;
    buf[off + 9] = (byte) cnameLen;
    System.arraycopy(cname, cnameOff, buf, off + 10, cnameLen);
    for (int p = off + 10 + cnameLen; p < off + size; p++) {
      buf[p] = 0; // end of list and padding
    }
    return size;
  }
}
