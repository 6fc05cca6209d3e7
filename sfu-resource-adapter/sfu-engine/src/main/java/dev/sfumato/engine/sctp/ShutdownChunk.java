package dev.sfumato.engine.sctp;

/**
 * RFC 9260 §3.3.8 SHUTDOWN: the sender's cumulative TSN ack.
 *
 * <pre>
 * |   Type = 7    | Chunk  Flags  |      Length = 8               |
 * |                      Cumulative TSN Ack                       |
 * </pre>
 */
public final class ShutdownChunk implements SctpChunk {

  public int cumulativeTsnAck;

  @Override
  public int type() {
    return ChunkType.SHUTDOWN;
  }

  @Override
  public SctpStatus decode(byte[] buf, int off, int len) {
    if (len < 8) {
      return SctpStatus.TOO_SHORT;
    }
    cumulativeTsnAck = Be.i32(buf, off + 4);
    return SctpStatus.OK;
  }

  @Override
  public int encode(byte[] buf, int off) {
    SctpChunk.writeHeader(buf, off, ChunkType.SHUTDOWN, 0, 8);
    Be.put32(buf, off + 4, cumulativeTsnAck);
    return 8;
  }

  @Override
  public int encodedSize() {
    return 8;
  }
}
