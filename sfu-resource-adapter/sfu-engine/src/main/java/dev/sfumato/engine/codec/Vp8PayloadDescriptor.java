package dev.sfumato.engine.codec;

import dev.sfumato.engine.rtp.Bytes;

/**
 * RFC 7741 §4.2 VP8 payload descriptor as a reusable view. It records the offsets of PictureID,
 * TL0PICIDX and the TID/Y/KEYIDX byte so a consumer switching simulcast streams can rewrite them in
 * place to keep them continuous for the receiver.
 *
 * <pre>
 *       0 1 2 3 4 5 6 7
 *      +-+-+-+-+-+-+-+-+
 *      |X|R|N|S|R| PID | (REQUIRED)
 * X:   |I|L|T|K| RSV   | (OPTIONAL)
 * I:   |M| PictureID   | (OPTIONAL; M = 15-bit PictureID, second byte follows)
 *      |   PictureID   |
 * L:   |   TL0PICIDX   | (OPTIONAL)
 * T/K: |TID|Y| KEYIDX  | (OPTIONAL)
 * </pre>
 */
public final class Vp8PayloadDescriptor {

  private byte[] buf;
  private int off;
  private int length;
  private int pictureIdOff;
  private int pictureIdLen;
  private int tl0PicIdxOff;
  private int tidOff;
  private int keyIdxOff;

  /**
   * Points at a VP8 RTP payload.
   *
   * @return false if the descriptor runs past {@code len}
   */
  public boolean wrap(byte[] buf, int off, int len) {
    this.buf = buf;
    this.off = off;
    pictureIdOff = tl0PicIdxOff = tidOff = keyIdxOff = -1;
    pictureIdLen = 0;
    length = 0;
    if (!Bytes.inBounds(buf, off, len) || len < 1) {
      return false;
    }
    int p = off + 1;
    if ((buf[off] & 0x80) != 0) {
      if (len < 2) {
        return false;
      }
      int x = buf[off + 1] & 0xFF;
      p = off + 2;
      if ((x & 0x80) != 0) { // I
        if (p >= off + len) {
          return false;
        }
        pictureIdOff = p;
        pictureIdLen = (buf[p] & 0x80) != 0 ? 2 : 1;
        p += pictureIdLen;
      }
      if ((x & 0x40) != 0) { // L
        tl0PicIdxOff = p++;
      }
      if ((x & 0x30) != 0) { // T or K share one byte
        tidOff = (x & 0x20) != 0 ? p : -1;
        keyIdxOff = (x & 0x10) != 0 ? p : -1;
        p++;
      }
    }
    if (p > off + len) {
      pictureIdOff = tl0PicIdxOff = tidOff = keyIdxOff = -1;
      return false;
    }
    length = p - off;
    return true;
  }

  /** Descriptor bytes; the VP8 payload starts after them. */
  public int length() {
    return length;
  }

  public boolean nonReference() {
    return (buf[off] & 0x20) != 0;
  }

  public boolean startOfPartition() {
    return (buf[off] & 0x10) != 0;
  }

  public int partitionIndex() {
    return buf[off] & 0x07;
  }

  /** Absolute offset of the PictureID (1 or 2 bytes, M bit included), or -1. */
  public int pictureIdOffset() {
    return pictureIdOff;
  }

  /** 1 (7-bit PictureID) or 2 (15-bit), or 0 if absent. */
  public int pictureIdLength() {
    return pictureIdLen;
  }

  /** PictureID (7 or 15 bits), or -1 if absent. */
  public int pictureId() {
    if (pictureIdLen == 0) {
      return -1;
    }
    return pictureIdLen == 1 ? buf[pictureIdOff] & 0x7F : Bytes.u16(buf, pictureIdOff) & 0x7FFF;
  }

  /** Rewrites the PictureID in place, keeping its width (the value wraps at 2^7 or 2^15). */
  public boolean setPictureId(int pictureId) {
    if (pictureIdLen == 1) {
      buf[pictureIdOff] = (byte) (pictureId & 0x7F);
    } else if (pictureIdLen == 2) {
      Bytes.put16(buf, pictureIdOff, 0x8000 | (pictureId & 0x7FFF));
    } else {
      return false;
    }
    return true;
  }

  public int tl0PicIdxOffset() {
    return tl0PicIdxOff;
  }

  /** TL0PICIDX, or -1 if absent. */
  public int tl0PicIdx() {
    return tl0PicIdxOff < 0 ? -1 : buf[tl0PicIdxOff] & 0xFF;
  }

  public boolean setTl0PicIdx(int value) {
    if (tl0PicIdxOff < 0) {
      return false;
    }
    buf[tl0PicIdxOff] = (byte) value;
    return true;
  }

  /** Absolute offset of the TID/Y/KEYIDX byte when T is set, or -1. */
  public int tidOffset() {
    return tidOff;
  }

  /** Temporal layer id (0-3), or -1 if T is not set. */
  public int tid() {
    return tidOff < 0 ? -1 : (buf[tidOff] & 0xFF) >>> 6;
  }

  /** The Y (layer sync) bit; false if T is not set. */
  public boolean layerSync() {
    return tidOff >= 0 && (buf[tidOff] & 0x20) != 0;
  }

  /** KEYIDX (5 bits), or -1 if K is not set. */
  public int keyIdx() {
    return keyIdxOff < 0 ? -1 : buf[keyIdxOff] & 0x1F;
  }
}
