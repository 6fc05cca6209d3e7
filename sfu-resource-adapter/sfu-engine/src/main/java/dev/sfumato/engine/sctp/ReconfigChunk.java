package dev.sfumato.engine.sctp;

/**
 * RFC 6525 §3.1 RE-CONFIG with one or two parameters (§3.2: at most two, e.g. a request and a
 * response). The parameters decoded: Outgoing SSN Reset Request (§4.1), Incoming SSN Reset Request
 * (§4.2) and Re-configuration Response (§4.4); other types are kept with their type only, so the
 * receiver can answer "Denied".
 *
 * <pre>
 * |  Type = 130   |  Chunk Flags  |      Chunk Length             |
 * \                  Re-configuration Parameter                   \
 * \             Re-configuration Parameter (optional)             \
 *
 * Outgoing SSN Reset Request (13): Request Seq | Response Seq | Sender's Last Assigned TSN |
 *                                  Stream Number 1..N (16 bits each)
 * Incoming SSN Reset Request (14): Request Seq | Stream Number 1..N
 * Re-configuration Response  (16): Response Seq | Result [| Sender's Next TSN | Receiver's Next TSN]
 * </pre>
 */
public final class ReconfigChunk implements SctpChunk {

  public static final int OUTGOING_RESET = 13;
  public static final int INCOMING_RESET = 14;
  public static final int RESPONSE = 16;

  /** §4.4 results. */
  public static final int RESULT_NOTHING_TO_DO = 0;

  public static final int RESULT_PERFORMED = 1;
  public static final int RESULT_DENIED = 2;
  public static final int RESULT_BAD_SEQUENCE = 5;
  public static final int RESULT_IN_PROGRESS = 6;

  /** One re-configuration parameter. */
  public static final class Param {
    public static final int MAX_STREAMS = 256;

    public int type;

    /** Request Sequence (requests) or Response Sequence (responses). */
    public int seq;

    /** Outgoing reset: the Re-configuration Response Sequence Number. */
    public int responseSeq;

    /** Outgoing reset: Sender's Last Assigned TSN. */
    public int lastTsn;

    /** Response: the result code. */
    public int result;

    public int streamCount;
    public final int[] streams = new int[MAX_STREAMS];

    int encodedSize() {
      switch (type) {
        case OUTGOING_RESET:
          return 16 + 2 * streamCount;
        case INCOMING_RESET:
          return 8 + 2 * streamCount;
        default:
          return 12;
      }
    }
  }

  public int paramCount;
  public final Param first = new Param();
  public final Param second = new Param();

  @Override
  public int type() {
    return ChunkType.RE_CONFIG;
  }

  public Param param(int i) {
    return i == 0 ? first : second;
  }

  @Override
  public SctpStatus decode(byte[] buf, int off, int len) {
    paramCount = 0;
    int at = off + 4;
    int end = off + len;
    while (end - at >= 4 && paramCount < 2) {
      int plen = Be.u16(buf, at + 2);
      if (plen < 4 || plen > end - at) {
        return SctpStatus.BAD_LENGTH;
      }
      SctpStatus s = decodeParam(param(paramCount), buf, at, plen);
      if (s != SctpStatus.OK) {
        return s;
      }
      paramCount++;
      at += Math.min(Be.pad4(plen), end - at);
    }
    return paramCount == 0 ? SctpStatus.TOO_SHORT : SctpStatus.OK;
  }

  private static SctpStatus decodeParam(Param p, byte[] buf, int at, int plen) {
    p.type = Be.u16(buf, at);
    p.streamCount = 0;
    int fixed;
    switch (p.type) {
      case OUTGOING_RESET:
        fixed = 16;
        break;
      case INCOMING_RESET:
        fixed = 8;
        break;
      case RESPONSE:
        fixed = 12;
        break;
      default:
        return plen >= 8 ? readSeq(p, buf, at) : SctpStatus.TOO_SHORT;
    }
    if (plen < fixed) {
      return SctpStatus.TOO_SHORT;
    }
    readSeq(p, buf, at);
    if (p.type == RESPONSE) {
      p.result = Be.i32(buf, at + 8);
      return SctpStatus.OK;
    }
    if (p.type == OUTGOING_RESET) {
      p.responseSeq = Be.i32(buf, at + 8);
      p.lastTsn = Be.i32(buf, at + 12);
    }
    int n = (plen - fixed) / 2;
    if (n > Param.MAX_STREAMS) {
      return SctpStatus.TOO_LARGE;
    }
    for (int i = 0; i < n; i++) {
      p.streams[i] = Be.u16(buf, at + fixed + 2 * i);
    }
    p.streamCount = n;
    return SctpStatus.OK;
  }

  private static SctpStatus readSeq(Param p, byte[] buf, int at) {
    p.seq = Be.i32(buf, at + 4);
    return SctpStatus.OK;
  }

  @Override
  public int encode(byte[] buf, int off) {
    int len = encodedSize();
    SctpChunk.writeHeader(buf, off, ChunkType.RE_CONFIG, 0, len);
    int at = off + 4;
    for (int i = 0; i < paramCount; i++) {
      at += Be.pad4(encodeParam(param(i), buf, at));
    }
    return len;
  }

  private static int encodeParam(Param p, byte[] buf, int at) {
    int plen = p.encodedSize();
    Be.put16(buf, at, p.type);
    Be.put16(buf, at + 2, plen);
    Be.put32(buf, at + 4, p.seq);
    int streamsAt = at + 8;
    if (p.type == RESPONSE) {
      Be.put32(buf, at + 8, p.result);
      return plen;
    }
    if (p.type == OUTGOING_RESET) {
      Be.put32(buf, at + 8, p.responseSeq);
      Be.put32(buf, at + 12, p.lastTsn);
      streamsAt = at + 16;
    }
    for (int i = 0; i < p.streamCount; i++) {
      Be.put16(buf, streamsAt + 2 * i, p.streams[i]);
    }
    if ((p.streamCount & 1) != 0) {
      Be.put16(buf, streamsAt + 2 * p.streamCount, 0); // padding
    }
    return plen;
  }

  @Override
  public int encodedSize() {
    int len = 4;
    for (int i = 0; i < paramCount; i++) {
      int p = param(i).encodedSize();
      len += i == paramCount - 1 ? p : Be.pad4(p);
    }
    return len;
  }
}
