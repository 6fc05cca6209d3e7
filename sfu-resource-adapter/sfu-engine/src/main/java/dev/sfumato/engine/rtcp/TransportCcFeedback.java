package dev.sfumato.engine.rtcp;

import dev.sfumato.engine.rtp.Bytes;

/**
 * Transport-wide congestion control feedback, draft-holmer-rmcat-transport-wide-cc-extensions-01
 * §3.1 (RTPFB, FMT 15). Decoded into arrays preallocated once, so reading a feedback allocates
 * nothing; one instance per worker.
 *
 * <pre>
 * |V=2|P|  FMT=15 |    PT=205     |           length              |
 * |                     SSRC of packet sender                     |
 * |                      SSRC of media source                     |
 * |      base sequence number     |      packet status count      |
 * |                 reference time                | fb pkt. count |
 * |          packet chunk         |         packet chunk          |  ...
 * |         recv delta    ...     |  (1 byte small, 2 bytes large)   ...  zero padding
 * </pre>
 *
 * Chunks (§3.1.3, §3.1.4): run length {@code 0|S(2)|run(13)}; status vector {@code 1|0|14 × 1-bit}
 * or {@code 1|1|7 × 2-bit}. Symbols: 0 not received, 1 received with a small delta (1 byte,
 * unsigned), 2 received with a large or negative delta (2 bytes, signed), 3 reserved. Deltas are in
 * 250 µs ticks; the reference time is a signed 24-bit count of 64 ms.
 */
public final class TransportCcFeedback {

  public static final int NOT_RECEIVED = 0;
  public static final int SMALL_DELTA = 1;
  public static final int LARGE_DELTA = 2;

  public static final int MIN_LENGTH = RtcpFeedback.HEADER_LENGTH + 8;

  /** µs per delta tick (§3.1.5). */
  public static final int DELTA_TICK_MICROS = 250;

  /** µs per reference time unit (§3.1). */
  public static final int REFERENCE_TIME_MICROS = 64_000;

  private final byte[] symbols;
  private final int[] deltas;
  private int baseSequence;
  private int statusCount;
  private int referenceTime;
  private int feedbackCount;
  private long senderSsrc;
  private long mediaSsrc;

  /**
   * @param capacity the most packet statuses one feedback may carry; larger ones are dropped as
   *     {@link RtcpStatus#TOO_LARGE} (libwebrtc sends at most a few hundred per message)
   */
  public TransportCcFeedback(int capacity) {
    this.symbols = new byte[capacity];
    this.deltas = new int[capacity];
  }

  /** Decodes a sub-packet returned by {@link RtcpCompound}; on failure the fields are invalid. */
  public RtcpStatus decode(byte[] buf, int off, int len) {
    if (len < MIN_LENGTH) {
      return RtcpStatus.TRUNCATED;
    }
    senderSsrc = RtcpFeedback.senderSsrc(buf, off);
    mediaSsrc = RtcpFeedback.mediaSsrc(buf, off);
    baseSequence = Bytes.u16(buf, off + 12);
    statusCount = Bytes.u16(buf, off + 14);
    referenceTime = (Bytes.u24(buf, off + 16) << 8) >> 8; // sign-extend 24 bits
    feedbackCount = buf[off + 19] & 0xFF;
    if (statusCount > symbols.length) {
      return RtcpStatus.TOO_LARGE;
    }
    int end = off + len;
    int p = readChunks(buf, off + MIN_LENGTH, end);
    if (p < 0) {
      return RtcpStatus.TRUNCATED;
    }
    return readDeltas(buf, p, end);
  }

  /** Returns the offset after the last chunk, or -1 if the chunks run out first. */
  private int readChunks(byte[] buf, int p, int end) {
    int n = 0;
    while (n < statusCount) {
      if (end - p < 2) {
        return -1;
      }
      int chunk = Bytes.u16(buf, p);
      p += 2;
      if ((chunk & 0x8000) == 0) {
        int symbol = (chunk >>> 13) & 0x3;
        int run = Math.min(chunk & 0x1FFF, statusCount - n);
        for (int i = 0; i < run; i++) {
          symbols[n++] = (byte) symbol;
        }
      } else if ((chunk & 0x4000) == 0) {
        for (int bit = 13; bit >= 0 && n < statusCount; bit--) {
          symbols[n++] = (byte) ((chunk >>> bit) & 0x1);
        }
      } else {
        for (int shift = 12; shift >= 0 && n < statusCount; shift -= 2) {
          symbols[n++] = (byte) ((chunk >>> shift) & 0x3);
        }
      }
    }
    return p;
  }

  private RtcpStatus readDeltas(byte[] buf, int p, int end) {
    for (int i = 0; i < statusCount; i++) {
      switch (symbols[i]) {
        case NOT_RECEIVED:
          deltas[i] = 0;
          break;
        case SMALL_DELTA:
          if (end - p < 1) {
            return RtcpStatus.TRUNCATED;
          }
          deltas[i] = buf[p] & 0xFF;
          p += 1;
          break;
        case LARGE_DELTA:
          if (end - p < 2) {
            return RtcpStatus.TRUNCATED;
          }
          deltas[i] = (short) Bytes.u16(buf, p);
          p += 2;
          break;
        default:
          return RtcpStatus.MALFORMED; // §3.1.1: symbol 11 is reserved
      }
    }
    return RtcpStatus.OK;
  }

  public long senderSsrc() {
    return senderSsrc;
  }

  public long mediaSsrc() {
    return mediaSsrc;
  }

  /** Transport-wide sequence number of the first status. */
  public int baseSequence() {
    return baseSequence;
  }

  public int statusCount() {
    return statusCount;
  }

  /** Signed, in 64 ms units ({@link #REFERENCE_TIME_MICROS}). */
  public int referenceTime() {
    return referenceTime;
  }

  /** The feedback packet counter, to detect lost feedback. */
  public int feedbackCount() {
    return feedbackCount;
  }

  /** Transport-wide sequence number of status {@code index} (wraps at 2^16). */
  public int sequence(int index) {
    return (baseSequence + index) & 0xFFFF;
  }

  /** {@link #NOT_RECEIVED}, {@link #SMALL_DELTA} or {@link #LARGE_DELTA}. */
  public int symbol(int index) {
    return symbols[index];
  }

  public boolean received(int index) {
    return symbols[index] != NOT_RECEIVED;
  }

  /** Receive delta of status {@code index} in 250 µs ticks, signed; 0 when not received. */
  public int deltaTicks(int index) {
    return deltas[index];
  }
}
