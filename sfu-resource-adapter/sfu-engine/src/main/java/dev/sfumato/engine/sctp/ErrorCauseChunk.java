package dev.sfumato.engine.sctp;

/**
 * RFC 9260 §3.3.7 ABORT and §3.3.10 OPERATION ERROR: both are a chunk header followed by error
 * causes (§3.3.10.x), so one class serves both ({@link #abort}). Decoding keeps the first cause's
 * code and a view of all causes; encoding writes at most one cause with an opaque value.
 *
 * <pre>
 * |   Type = 6/9  |  Reserved   |T|           Length              |
 * |         Cause Code            |       Cause Length            |
 * \                    Cause-Specific Information                 \
 * </pre>
 */
public final class ErrorCauseChunk implements SctpChunk {

  /** §3.3.7: T bit, the tag is the receiver's own rather than the peer's. */
  public static final int FLAG_T = 0x01;

  public static final int CAUSE_INVALID_STREAM = 1;
  public static final int CAUSE_MISSING_PARAMETER = 2;
  public static final int CAUSE_STALE_COOKIE = 3;
  public static final int CAUSE_OUT_OF_RESOURCE = 4;
  public static final int CAUSE_UNRECOGNIZED_CHUNK = 6;
  public static final int CAUSE_NO_USER_DATA = 9;
  public static final int CAUSE_USER_INITIATED_ABORT = 12;
  public static final int CAUSE_PROTOCOL_VIOLATION = 13;

  public boolean abort;
  public int flags;

  /** The first cause's code, or 0 without causes. */
  public int causeCode;

  public byte[] causeInfo;
  public int causeInfoOffset;
  public int causeInfoLength;

  @Override
  public int type() {
    return abort ? ChunkType.ABORT : ChunkType.ERROR;
  }

  /** Sets one cause to encode; {@code code} 0 encodes no cause at all. */
  public ErrorCauseChunk set(boolean abort, int code, byte[] info, int off, int len) {
    this.abort = abort;
    this.flags = 0;
    this.causeCode = code;
    this.causeInfo = info;
    this.causeInfoOffset = off;
    this.causeInfoLength = code == 0 ? 0 : len;
    return this;
  }

  @Override
  public SctpStatus decode(byte[] buf, int off, int len) {
    abort = Be.u8(buf, off) == ChunkType.ABORT;
    flags = Be.u8(buf, off + 1);
    causeCode = 0;
    causeInfoLength = 0;
    if (len < 8) {
      return SctpStatus.OK; // an ABORT may carry no cause at all
    }
    int clen = Be.u16(buf, off + 6);
    if (clen < 4 || clen > len - 4) {
      return SctpStatus.BAD_LENGTH;
    }
    causeCode = Be.u16(buf, off + 4);
    causeInfo = buf;
    causeInfoOffset = off + 8;
    causeInfoLength = clen - 4;
    return SctpStatus.OK;
  }

  @Override
  public int encode(byte[] buf, int off) {
    int len = encodedSize();
    SctpChunk.writeHeader(buf, off, type(), flags, len);
    if (causeCode != 0) {
      Be.put16(buf, off + 4, causeCode);
      Be.put16(buf, off + 6, 4 + causeInfoLength);
      System.arraycopy(causeInfo, causeInfoOffset, buf, off + 8, causeInfoLength);
    }
    return len;
  }

  @Override
  public int encodedSize() {
    return causeCode == 0 ? 4 : 8 + causeInfoLength;
  }
}
