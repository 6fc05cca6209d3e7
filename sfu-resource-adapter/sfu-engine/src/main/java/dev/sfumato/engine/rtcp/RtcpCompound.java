package dev.sfumato.engine.rtcp;

import dev.sfumato.engine.rtp.Bytes;

/**
 * Walks an RTCP compound packet (RFC 3550 §6.1) one sub-packet at a time, with the validity checks
 * of §A.2: version 2 on each, lengths that add up to the datagram, padding only on the last.
 * Reusable: one per worker, re-pointed per datagram with {@link #wrap}.
 *
 * <pre>{@code
 * compound.wrap(buf, off, len);
 * while (compound.next()) {
 *   switch (compound.packetType()) { ... compound.packetOffset(), compound.packetLength() ... }
 * }
 * if (compound.status() != RtcpStatus.END) drops.count(...);
 * }</pre>
 *
 * Sub-packets already returned stay valid when a later one is rejected: §6.1 asks for the first to
 * be an SR/RR, but browsers send lone feedback packets (RFC 5506 reduced-size), so that rule is not
 * enforced.
 */
public final class RtcpCompound {

  private byte[] buf;
  private int cursor;
  private int end;
  private int packetOff;
  private int packetLen;
  private RtcpStatus status = RtcpStatus.BAD_BOUNDS;

  /** Points at a datagram; false (status {@link RtcpStatus#BAD_BOUNDS}) if the range is invalid. */
  public boolean wrap(byte[] buf, int off, int len) {
    this.buf = buf;
    this.packetOff = off;
    this.packetLen = 0;
    if (!Bytes.inBounds(buf, off, len)) {
      status = RtcpStatus.BAD_BOUNDS;
      cursor = end = 0;
      return false;
    }
    this.cursor = off;
    this.end = off + len;
    this.status = len == 0 ? RtcpStatus.TOO_SHORT : RtcpStatus.OK;
    return len > 0;
  }

  /**
   * Advances to the next sub-packet.
   *
   * @return false at the end ({@link #status()} is {@link RtcpStatus#END}) or on a malformed
   *     sub-packet (status is the drop reason, and the rest of the datagram is skipped)
   */
  public boolean next() {
    if (status != RtcpStatus.OK) {
      return false;
    }
    if (cursor == end) {
      status = RtcpStatus.END;
      return false;
    }
    status = step();
    return status == RtcpStatus.OK;
  }

  private RtcpStatus step() {
    int remaining = end - cursor;
    if (remaining < RtcpHeader.LENGTH) {
      return RtcpStatus.TOO_SHORT;
    }
    if ((buf[cursor] & 0xC0) != 0x80) {
      return RtcpStatus.BAD_VERSION;
    }
    int total = RtcpHeader.lengthBytes(buf, cursor);
    if (total > remaining) {
      return RtcpStatus.LENGTH_OVERRUN;
    }
    int usable = total;
    if ((buf[cursor] & 0x20) != 0) {
      // §6.4.1: padding only on the last packet; its last octet counts the padding, itself too.
      int count = buf[cursor + total - 1] & 0xFF;
      if (total != remaining || count == 0 || count > total - RtcpHeader.LENGTH) {
        return RtcpStatus.PADDING_OVERRUN;
      }
      usable = total - count;
    }
    packetOff = cursor;
    packetLen = usable;
    cursor += total;
    return RtcpStatus.OK;
  }

  public RtcpStatus status() {
    return status;
  }

  public byte[] buffer() {
    return buf;
  }

  /** Absolute offset of the current sub-packet's common header. */
  public int packetOffset() {
    return packetOff;
  }

  /** Length of the current sub-packet, header included and padding excluded. */
  public int packetLength() {
    return packetLen;
  }

  public int packetType() {
    return RtcpHeader.packetType(buf, packetOff);
  }

  /** RC, SC or FMT of the current sub-packet. */
  public int count() {
    return RtcpHeader.count(buf, packetOff);
  }
}
