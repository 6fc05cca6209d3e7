package dev.sfumato.engine.sctp;

import java.util.zip.CRC32C;

/**
 * RFC 9260 §3.1 common header and a walk over the chunks that follow it (§3.2). A reusable view:
 * {@link #wrap} checks bounds and the CRC32c (§6.8, Appendix A), then {@link #nextChunk} steps
 * through chunks whose length fields stay inside the packet.
 *
 * <pre>
 * |     Source Port Number        |     Destination Port Number   |
 * |                      Verification Tag                         |
 * |                           Checksum                            |
 * </pre>
 *
 * The checksum is CRC32c over the whole packet with the checksum field taken as zero; Appendix A
 * sends the CRC's least significant byte first, so it is stored little-endian.
 */
public final class SctpPacket {

  public static final int HEADER_LENGTH = 12;

  private final CRC32C crc = new CRC32C();
  private byte[] buf;
  private int off;
  private int end;
  private int next;
  private int chunkOff;
  private int chunkLen;
  private SctpStatus status = SctpStatus.TOO_SHORT;

  /** Points the view at one packet; OK only with a whole header and a matching checksum. */
  public SctpStatus wrap(byte[] buf, int off, int len) {
    this.buf = buf;
    this.off = off;
    this.end = off;
    this.next = off;
    if (!Be.inBounds(buf, off, len)) {
      return status = SctpStatus.BAD_BOUNDS;
    }
    if (len < HEADER_LENGTH) {
      return status = SctpStatus.TOO_SHORT;
    }
    if (checksum(crc, buf, off, len) != Be.i32(buf, off + 8)) {
      return status = SctpStatus.BAD_CHECKSUM;
    }
    this.end = off + len;
    this.next = off + HEADER_LENGTH;
    return status = SctpStatus.OK;
  }

  public int sourcePort() {
    return Be.u16(buf, off);
  }

  public int destinationPort() {
    return Be.u16(buf, off + 2);
  }

  public int verificationTag() {
    return Be.i32(buf, off + 4);
  }

  /**
   * Steps to the next chunk. False at the end, or when a chunk length is below 4 or runs past the
   * packet ({@link #status()} then says BAD_LENGTH). The last chunk may omit its padding.
   */
  public boolean nextChunk() {
    if (status != SctpStatus.OK || next >= end) {
      return false;
    }
    if (end - next < SctpChunk.HEADER_LENGTH) {
      status = SctpStatus.BAD_LENGTH;
      return false;
    }
    int len = Be.u16(buf, next + 2);
    if (len < SctpChunk.HEADER_LENGTH || len > end - next) {
      status = SctpStatus.BAD_LENGTH;
      return false;
    }
    chunkOff = next;
    chunkLen = len;
    next += Math.min(Be.pad4(len), end - next);
    return true;
  }

  public SctpStatus status() {
    return status;
  }

  public byte[] buffer() {
    return buf;
  }

  public int chunkOffset() {
    return chunkOff;
  }

  /** Unpadded chunk length, header included. */
  public int chunkLength() {
    return chunkLen;
  }

  public int chunkType() {
    return buf[chunkOff] & 0xFF;
  }

  public int chunkFlags() {
    return buf[chunkOff + 1] & 0xFF;
  }

  /** Writes the common header with a zero checksum; {@link #seal} fills it in. */
  public static void writeHeader(byte[] buf, int off, int srcPort, int dstPort, int tag) {
    Be.put16(buf, off, srcPort);
    Be.put16(buf, off + 2, dstPort);
    Be.put32(buf, off + 4, tag);
    Be.put32(buf, off + 8, 0);
  }

  /** Stores the CRC32c of a finished packet in its checksum field. */
  public static void seal(CRC32C crc, byte[] buf, int off, int len) {
    Be.put32(buf, off + 8, checksum(crc, buf, off, len));
  }

  /**
   * The checksum as the field holds it (big-endian read of the little-endian CRC), computed as if
   * the field were zero, without writing to {@code buf}.
   */
  public static int checksum(CRC32C crc, byte[] buf, int off, int len) {
    crc.reset();
    crc.update(buf, off, 8);
    crc.update(0);
    crc.update(0);
    crc.update(0);
    crc.update(0);
    crc.update(buf, off + HEADER_LENGTH, len - HEADER_LENGTH);
    return Integer.reverseBytes((int) crc.getValue());
  }
}
