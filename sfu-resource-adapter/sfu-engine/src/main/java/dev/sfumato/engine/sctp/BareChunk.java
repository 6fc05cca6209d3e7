package dev.sfumato.engine.sctp;

/**
 * The header-only chunks: RFC 9260 §3.3.9 SHUTDOWN ACK, §3.3.12 COOKIE ACK and §3.3.13 SHUTDOWN
 * COMPLETE (whose T bit, {@link ErrorCauseChunk#FLAG_T}, says the tag is the receiver's own).
 *
 * <pre>
 * |  Type = 8/11/14 | Flags  |T|      Length = 4               |
 * </pre>
 */
public final class BareChunk implements SctpChunk {

  public int type;
  public int flags;

  public BareChunk set(int type, int flags) {
    this.type = type;
    this.flags = flags;
    return this;
  }

  @Override
  public int type() {
    return type;
  }

  @Override
  public SctpStatus decode(byte[] buf, int off, int len) {
    if (len < 4) {
      return SctpStatus.TOO_SHORT;
    }
    type = Be.u8(buf, off);
    flags = Be.u8(buf, off + 1);
    return SctpStatus.OK;
  }

  @Override
  public int encode(byte[] buf, int off) {
    SctpChunk.writeHeader(buf, off, type, flags, 4);
    return 4;
  }

  @Override
  public int encodedSize() {
    return 4;
  }
}
