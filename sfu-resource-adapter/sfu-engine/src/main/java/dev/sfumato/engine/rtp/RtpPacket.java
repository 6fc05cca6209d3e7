package dev.sfumato.engine.rtp;

import java.util.Arrays;

/**
 * A mutable, re-pointable view over one RTP packet in {@code (byte[], offset, length)}: RFC 3550
 * §5.1 fixed header, §5.3.1 header extension, and RFC 8285 one-byte (§4.2) and two-byte (§4.3)
 * extension elements.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * |                           timestamp                           |
 * |           synchronization source (SSRC) identifier            |
 * |            contributing source (CSRC) identifiers  (CC × 32)  |
 * |  defined by profile (0xBEDE | 0x100x) |        length          |  if X
 * |                  header extension (length × 32)               |
 * |                            payload ...    | padding | count   |  if P
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>One instance is reused for every packet a worker handles; {@link #wrap} validates the whole
 * layout once so the accessors need no checks. Setters write in place. 32-bit fields are returned
 * as non-negative longs. Not thread-safe: a view belongs to its worker thread.
 */
public final class RtpPacket {

  public static final int FIXED_HEADER_LENGTH = 12;

  /** RFC 8285 §4.2: "defined by profile" value of the one-byte form. */
  public static final int PROFILE_ONE_BYTE = 0xBEDE;

  /** RFC 8285 §4.3: 0x100 followed by 4 application bits. */
  public static final int PROFILE_TWO_BYTE = 0x1000;

  private byte[] buf;
  private int off;
  private int len;
  private int payloadOff; // absolute
  private int paddingLen;
  private int extOff = -1; // absolute start of the first element, -1 without X
  private int extEnd;
  private RtpStatus status = RtpStatus.BAD_BOUNDS;

  // Result of the last findExtension: absolute offsets, so callers can read or rewrite in place.
  private int foundElementOff = -1;
  private int foundValueOff = -1;
  private int foundValueLen;

  // The element element() read last.
  private int elemId;
  private int elemValueOff;
  private int elemValueLen;

  /**
   * Points this view at a packet and validates it (version, CSRC list, extension length, padding).
   *
   * @return false if the bytes are not a usable RTP packet; {@link #status()} tells why
   */
  public boolean wrap(byte[] buf, int off, int len) {
    this.buf = buf;
    this.off = off;
    this.len = len;
    this.extOff = -1;
    this.foundValueOff = -1;
    this.status = validate();
    return status == RtpStatus.OK;
  }

  private RtpStatus validate() {
    if (!Bytes.inBounds(buf, off, len)) {
      return RtpStatus.BAD_BOUNDS;
    }
    if (len < FIXED_HEADER_LENGTH) {
      return RtpStatus.TOO_SHORT;
    }
    int b0 = buf[off] & 0xFF;
    if ((b0 >>> 6) != 2) {
      return RtpStatus.BAD_VERSION;
    }
    int end = off + len;
    int p = off + FIXED_HEADER_LENGTH + 4 * (b0 & 0x0F);
    if (p > end) {
      return RtpStatus.CSRC_OVERRUN;
    }
    if ((b0 & 0x10) != 0) {
      if (p + 4 > end) {
        return RtpStatus.EXTENSION_OVERRUN;
      }
      int extBytes = 4 * Bytes.u16(buf, p + 2);
      if (extBytes > end - p - 4) {
        return RtpStatus.EXTENSION_OVERRUN;
      }
      extOff = p + 4;
      extEnd = extOff + extBytes;
      p = extEnd;
    }
    payloadOff = p;
    paddingLen = 0;
    if ((b0 & 0x20) != 0) {
      // §5.1: the last octet counts the padding, itself included, so it is at least 1.
      int count = p < end ? buf[end - 1] & 0xFF : 0;
      if (count == 0 || count > end - p) {
        return RtpStatus.PADDING_OVERRUN;
      }
      paddingLen = count;
    }
    return RtpStatus.OK;
  }

  public RtpStatus status() {
    return status;
  }

  public byte[] buffer() {
    return buf;
  }

  public int offset() {
    return off;
  }

  public int length() {
    return len;
  }

  public int version() {
    return (buf[off] & 0xFF) >>> 6;
  }

  public boolean hasPadding() {
    return (buf[off] & 0x20) != 0;
  }

  public boolean hasExtension() {
    return extOff >= 0;
  }

  public int csrcCount() {
    return buf[off] & 0x0F;
  }

  public long csrc(int index) {
    return Bytes.u32(buf, off + FIXED_HEADER_LENGTH + 4 * index);
  }

  public boolean marker() {
    return (buf[off + 1] & 0x80) != 0;
  }

  public void setMarker(boolean marker) {
    buf[off + 1] = (byte) (marker ? buf[off + 1] | 0x80 : buf[off + 1] & 0x7F);
  }

  public int payloadType() {
    return buf[off + 1] & 0x7F;
  }

  public void setPayloadType(int payloadType) {
    buf[off + 1] = (byte) ((buf[off + 1] & 0x80) | (payloadType & 0x7F));
  }

  public int sequenceNumber() {
    return Bytes.u16(buf, off + 2);
  }

  public void setSequenceNumber(int sequenceNumber) {
    Bytes.put16(buf, off + 2, sequenceNumber);
  }

  public long timestamp() {
    return Bytes.u32(buf, off + 4);
  }

  public void setTimestamp(long timestamp) {
    Bytes.put32(buf, off + 4, timestamp);
  }

  public long ssrc() {
    return Bytes.u32(buf, off + 8);
  }

  public void setSsrc(long ssrc) {
    Bytes.put32(buf, off + 8, ssrc);
  }

  /** Bytes before the payload: fixed header, CSRCs and header extension. */
  public int headerLength() {
    return payloadOff - off;
  }

  /** Absolute offset of the payload in {@link #buffer()}. */
  public int payloadOffset() {
    return payloadOff;
  }

  /** Payload bytes, padding excluded. */
  public int payloadLength() {
    return off + len - paddingLen - payloadOff;
  }

  /** Padding bytes at the end, the count octet included; 0 without P. */
  public int paddingLength() {
    return paddingLen;
  }

  /** Drops the padding in place (clears P, shortens the packet), e.g. before forwarding. */
  public void removePadding() {
    if (paddingLen > 0) {
      buf[off] = (byte) (buf[off] & ~0x20);
      len -= paddingLen;
      paddingLen = 0;
    }
  }

  /** The "defined by profile" field of the extension header, or -1 without X. */
  public int extensionProfile() {
    return extOff < 0 ? -1 : Bytes.u16(buf, extOff - 4);
  }

  /**
   * Finds the header extension element with this id (RFC 8285) without allocating.
   *
   * @return the absolute offset of its value, or -1 if absent or the block is malformed; the value
   *     length is then {@link #foundExtensionLength()}
   */
  public int findExtension(int id) {
    foundValueOff = -1;
    foundElementOff = -1;
    foundValueLen = 0;
    int profile = extensionProfile();
    boolean oneByte = profile == PROFILE_ONE_BYTE;
    if (!oneByte && (profile & 0xFFF0) != PROFILE_TWO_BYTE || id < 1 || id > (oneByte ? 14 : 255)) {
      return -1;
    }
    for (int p = element(extOff, oneByte);
        p >= 0;
        p = element(elemValueOff + elemValueLen, oneByte)) {
      if (elemId == id) {
        foundElementOff = p;
        foundValueOff = elemValueOff;
        foundValueLen = elemValueLen;
        break;
      }
    }
    return foundValueOff;
  }

  /** Length of the value found by the last successful {@link #findExtension}. */
  public int foundExtensionLength() {
    return foundValueLen;
  }

  /**
   * The one walk over the extension block (RFC 8285): skips padding octets from {@code p}, reads
   * the element there into {@code elemId}/{@code elemValueOff}/{@code elemValueLen} and returns its
   * offset, or -1 at the end, at id 15 in the one-byte form (§4.2: stop processing), or at an
   * element that overruns the block. The length field stores len - 1 in the one-byte form (§4.2)
   * and len (0-255) in the two-byte form (§4.3).
   */
  private int element(int p, boolean oneByte) {
    while (p < extEnd && buf[p] == 0) {
      p++;
    }
    if (p >= extEnd) {
      return -1;
    }
    int b = buf[p] & 0xFF;
    int header = oneByte ? 1 : 2;
    if (oneByte) {
      elemId = b >>> 4;
      elemValueLen = (b & 0x0F) + 1;
      if (elemId == 15) {
        return -1;
      }
    } else {
      if (p + 2 > extEnd) {
        return -1;
      }
      elemId = b;
      elemValueLen = buf[p + 1] & 0xFF;
    }
    if (elemValueLen > extEnd - p - header) {
      return -1;
    }
    elemValueOff = p + header;
    return p;
  }

  /**
   * Overwrites the value of an existing extension element of the same length in place.
   *
   * @return false if the element is absent or its length differs (the layout is never changed)
   */
  public boolean setExtension(int id, byte[] value, int valueOff, int valueLen) {
    if (findExtension(id) < 0 || foundValueLen != valueLen) {
      return false;
    }
    System.arraycopy(value, valueOff, buf, foundValueOff, valueLen);
    return true;
  }

  /**
   * Removes an element by turning it into padding octets (RFC 8285 §4.2/§4.3 allow 0x00 between
   * elements), so a consumer never sees an extension it did not negotiate and nothing moves.
   *
   * @return false if the element was absent
   */
  public boolean clearExtension(int id) {
    if (findExtension(id) < 0) {
      return false;
    }
    Arrays.fill(buf, foundElementOff, foundValueOff + foundValueLen, (byte) 0);
    foundValueOff = -1;
    return true;
  }

  /**
   * Renumbers every extension element in one pass, for a receiver that negotiated other ids (RFC
   * 8285 §5): {@code idMap[id]} is the new id, or 0 to blank the element to padding (as {@link
   * #clearExtension}). In the one-byte form a new id above 14 cannot be written and is blanked too.
   * One pass, so swapped ids (1→2, 2→1) cannot collide. Nothing moves; no allocation.
   *
   * @param idMap indexed by the current id, 256 entries
   */
  public void remapExtensions(int[] idMap) {
    int profile = extensionProfile();
    boolean oneByte = profile == PROFILE_ONE_BYTE;
    if (!oneByte && (profile & 0xFFF0) != PROFILE_TWO_BYTE) {
      return;
    }
    // the next element is found from the fields read before this one was rewritten
    for (int p = element(extOff, oneByte);
        p >= 0;
        p = element(elemValueOff + elemValueLen, oneByte)) {
      int to = idMap[elemId];
      if (to == 0 || (oneByte && to > 14)) {
        Arrays.fill(buf, p, elemValueOff + elemValueLen, (byte) 0);
      } else if (oneByte) {
        buf[p] = (byte) ((to << 4) | (buf[p] & 0x0F));
      } else {
        buf[p] = (byte) to;
      }
    }
    foundValueOff = -1;
  }

  /**
   * Replaces the padding with {@code count} bytes (RFC 3550 §5.1: zeros, then the count in the last
   * octet), e.g. to pad a probe packet; 0 removes it. Needs tailroom in the buffer to grow.
   *
   * @return false (packet untouched) if count is not 0-255 or the buffer has no room
   */
  public boolean setPadding(int count) {
    int withoutPadding = len - paddingLen;
    if (count < 0 || count > 255 || buf.length - off - withoutPadding < count) {
      return false;
    }
    removePadding();
    if (count > 0) {
      int end = off + len;
      Arrays.fill(buf, end, end + count - 1, (byte) 0);
      buf[end + count - 1] = (byte) count;
      buf[off] = (byte) (buf[off] | 0x20);
      len += count;
      paddingLen = count;
    }
    return true;
  }

  /**
   * Re-points the view over a new length after the payload was changed in place (e.g. RTX
   * wrap/unwrap, or a payload rewritten to another size), re-validating the layout.
   *
   * @return false if the new length is out of the buffer or the layout is invalid
   */
  public boolean setLength(int newLength) {
    return wrap(buf, off, newLength);
  }
}
