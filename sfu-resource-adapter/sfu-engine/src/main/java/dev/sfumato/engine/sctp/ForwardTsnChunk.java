package dev.sfumato.engine.sctp;

/**
 * RFC 3758 §3.2 FORWARD TSN: the receiver moves its cumulative TSN to {@link #newCumulativeTsn}
 * and, for each listed ordered stream, skips SSNs up to and including the one given.
 *
 * <pre>
 * |   Type = 192  |  Flags = 0x00 |        Length = Variable      |
 * |                      New Cumulative TSN                       |
 * |         Stream-1              |       Stream Sequence-1       |   × N
 * </pre>
 */
public final class ForwardTsnChunk implements SctpChunk {

  public static final int MAX_STREAMS = 128;

  public int newCumulativeTsn;
  public int streamCount;
  public final int[] streams = new int[MAX_STREAMS];
  public final int[] ssns = new int[MAX_STREAMS];

  @Override
  public int type() {
    return ChunkType.FORWARD_TSN;
  }

  /** Adds or raises a stream's skipped SSN; false when the chunk is full. */
  public boolean skip(int streamId, int ssn) {
    for (int i = 0; i < streamCount; i++) {
      if (streams[i] == streamId) {
        if (Be.ssnLe(ssns[i], ssn)) {
          ssns[i] = ssn;
        }
        return true;
      }
    }
    if (streamCount == MAX_STREAMS) {
      return false;
    }
    streams[streamCount] = streamId;
    ssns[streamCount++] = ssn;
    return true;
  }

  @Override
  public SctpStatus decode(byte[] buf, int off, int len) {
    if (len < 8) {
      return SctpStatus.TOO_SHORT;
    }
    int n = (len - 8) / 4;
    if (n > MAX_STREAMS) {
      return SctpStatus.TOO_LARGE;
    }
    newCumulativeTsn = Be.i32(buf, off + 4);
    for (int i = 0; i < n; i++) {
      streams[i] = Be.u16(buf, off + 8 + 4 * i);
      ssns[i] = Be.u16(buf, off + 10 + 4 * i);
    }
    streamCount = n;
    return SctpStatus.OK;
  }

  @Override
  public int encode(byte[] buf, int off) {
    int len = encodedSize();
    SctpChunk.writeHeader(buf, off, ChunkType.FORWARD_TSN, 0, len);
    Be.put32(buf, off + 4, newCumulativeTsn);
    for (int i = 0; i < streamCount; i++) {
      Be.put16(buf, off + 8 + 4 * i, streams[i]);
      Be.put16(buf, off + 10 + 4 * i, ssns[i]);
    }
    return len;
  }

  @Override
  public int encodedSize() {
    return 8 + 4 * streamCount;
  }
}
