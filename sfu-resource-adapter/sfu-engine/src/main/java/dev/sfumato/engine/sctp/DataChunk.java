package dev.sfumato.engine.sctp;

/**
 * RFC 9260 §3.3.1 DATA. The payload is a view into the decoded (or to-be-encoded) array.
 *
 * <pre>
 * |   Type = 0    |  Res  |I|U|B|E|           Length              |
 * |                              TSN                              |
 * |      Stream Identifier S      |   Stream Sequence Number n    |
 * |                  Payload Protocol Identifier                  |
 * \                 User Data (seq n of Stream S)                 \
 * </pre>
 */
public final class DataChunk implements SctpChunk {

  public static final int HEADER_LENGTH = 16;
  public static final int FLAG_END = 0x01;
  public static final int FLAG_BEGIN = 0x02;
  public static final int FLAG_UNORDERED = 0x04;

  /** §3.3.1: the sender asks for an immediate SACK (RFC 7053). */
  public static final int FLAG_IMMEDIATE = 0x08;

  public int flags;
  public int tsn;
  public int streamId;
  public int ssn;
  public int ppid;
  public byte[] payload;
  public int payloadOffset;
  public int payloadLength;

  @Override
  public int type() {
    return ChunkType.DATA;
  }

  public boolean begin() {
    return (flags & FLAG_BEGIN) != 0;
  }

  public boolean end() {
    return (flags & FLAG_END) != 0;
  }

  public boolean unordered() {
    return (flags & FLAG_UNORDERED) != 0;
  }

  @Override
  public SctpStatus decode(byte[] buf, int off, int len) {
    if (len < HEADER_LENGTH) {
      return SctpStatus.TOO_SHORT;
    }
    if (len == HEADER_LENGTH) {
      return SctpStatus.MALFORMED; // §3.3.1: a DATA chunk carries at least one byte
    }
    flags = Be.u8(buf, off + 1);
    tsn = Be.i32(buf, off + 4);
    streamId = Be.u16(buf, off + 8);
    ssn = Be.u16(buf, off + 10);
    ppid = Be.i32(buf, off + 12);
    payload = buf;
    payloadOffset = off + HEADER_LENGTH;
    payloadLength = len - HEADER_LENGTH;
    return SctpStatus.OK;
  }

  @Override
  public int encode(byte[] buf, int off) {
    int len = encodedSize();
    SctpChunk.writeHeader(buf, off, ChunkType.DATA, flags, len);
    Be.put32(buf, off + 4, tsn);
    Be.put16(buf, off + 8, streamId);
    Be.put16(buf, off + 10, ssn);
    Be.put32(buf, off + 12, ppid);
    System.arraycopy(payload, payloadOffset, buf, off + HEADER_LENGTH, payloadLength);
    return len;
  }

  @Override
  public int encodedSize() {
    return HEADER_LENGTH + payloadLength;
  }
}
