package dev.sfumato.engine.sctp;

/**
 * RFC 9260 §3.3.4 SACK. Gap ack blocks are offsets from the cumulative TSN ack; duplicate TSNs are
 * the TSNs received more than once since the last SACK. Capacities are fixed so decoding allocates
 * nothing; a SACK with more blocks than {@link #MAX_GAPS} is TOO_LARGE.
 *
 * <pre>
 * |   Type = 3    |Chunk  Flags   |      Chunk Length             |
 * |                      Cumulative TSN Ack                       |
 * |          Advertised Receiver Window Credit (a_rwnd)           |
 * | Number of Gap Ack Blocks = N  |  Number of Duplicate TSNs = M |
 * |    Gap Ack Block #1 Start     |   Gap Ack Block #1 End        |   × N
 * |                       Duplicate TSN 1                         |   × M
 * </pre>
 */
public final class SackChunk implements SctpChunk {

  public static final int HEADER_LENGTH = 16;

  /** Fits one 1200-byte packet (§3.3.4 sizes are bounded by the path MTU). */
  public static final int MAX_GAPS = 128;

  public static final int MAX_DUPS = 64;

  public int cumulativeTsnAck;

  /** Unsigned 32-bit in an int; callers use {@link Integer#toUnsignedLong}. */
  public int aRwnd;

  public int gapCount;
  public final int[] gapStart = new int[MAX_GAPS];
  public final int[] gapEnd = new int[MAX_GAPS];
  public int dupCount;
  public final int[] dups = new int[MAX_DUPS];

  @Override
  public int type() {
    return ChunkType.SACK;
  }

  @Override
  public SctpStatus decode(byte[] buf, int off, int len) {
    if (len < HEADER_LENGTH) {
      return SctpStatus.TOO_SHORT;
    }
    int gaps = Be.u16(buf, off + 12);
    int dupN = Be.u16(buf, off + 14);
    if (HEADER_LENGTH + 4 * (gaps + dupN) > len) {
      return SctpStatus.BAD_LENGTH;
    }
    if (gaps > MAX_GAPS || dupN > MAX_DUPS) {
      return SctpStatus.TOO_LARGE;
    }
    cumulativeTsnAck = Be.i32(buf, off + 4);
    aRwnd = Be.i32(buf, off + 8);
    int at = off + HEADER_LENGTH;
    for (int i = 0; i < gaps; i++, at += 4) {
      gapStart[i] = Be.u16(buf, at);
      gapEnd[i] = Be.u16(buf, at + 2);
      if (gapStart[i] == 0 || gapEnd[i] < gapStart[i]) {
        return SctpStatus.MALFORMED; // offsets are from the cum ack, so start >= 1
      }
    }
    for (int i = 0; i < dupN; i++, at += 4) {
      dups[i] = Be.i32(buf, at);
    }
    gapCount = gaps;
    dupCount = dupN;
    return SctpStatus.OK;
  }

  @Override
  public int encode(byte[] buf, int off) {
    int len = encodedSize();
    SctpChunk.writeHeader(buf, off, ChunkType.SACK, 0, len);
    Be.put32(buf, off + 4, cumulativeTsnAck);
    Be.put32(buf, off + 8, aRwnd);
    Be.put16(buf, off + 12, gapCount);
    Be.put16(buf, off + 14, dupCount);
    int at = off + HEADER_LENGTH;
    for (int i = 0; i < gapCount; i++, at += 4) {
      Be.put16(buf, at, gapStart[i]);
      Be.put16(buf, at + 2, gapEnd[i]);
    }
    for (int i = 0; i < dupCount; i++, at += 4) {
      Be.put32(buf, at, dups[i]);
    }
    return len;
  }

  @Override
  public int encodedSize() {
    return HEADER_LENGTH + 4 * (gapCount + dupCount);
  }
}
