package dev.sfumato.engine.sctp;

/**
 * RFC 9260 §3.3.5 HEARTBEAT and §3.3.6 HEARTBEAT ACK: one Heartbeat Info parameter (type 1) whose
 * opaque value the ACK echoes back unchanged.
 *
 * <pre>
 * |   Type = 4/5  | Chunk  Flags  |      Heartbeat Length         |
 * |    Heartbeat Info Type=1      |         HB Info Length        |
 * \                  Sender-Specific Heartbeat Info               \
 * </pre>
 */
public final class HeartbeatChunk implements SctpChunk {

  static final int PARAM_HEARTBEAT_INFO = 1;

  public boolean ack;
  public byte[] info;
  public int infoOffset;
  public int infoLength;

  @Override
  public int type() {
    return ack ? ChunkType.HEARTBEAT_ACK : ChunkType.HEARTBEAT;
  }

  @Override
  public SctpStatus decode(byte[] buf, int off, int len) {
    if (len < 8) {
      return SctpStatus.TOO_SHORT;
    }
    int plen = Be.u16(buf, off + 6);
    if (Be.u16(buf, off + 4) != PARAM_HEARTBEAT_INFO) {
      return SctpStatus.MALFORMED;
    }
    if (plen < 4 || plen > len - 4) {
      return SctpStatus.BAD_LENGTH;
    }
    ack = Be.u8(buf, off) == ChunkType.HEARTBEAT_ACK;
    info = buf;
    infoOffset = off + 8;
    infoLength = plen - 4;
    return SctpStatus.OK;
  }

  @Override
  public int encode(byte[] buf, int off) {
    int len = encodedSize();
    SctpChunk.writeHeader(buf, off, type(), 0, len);
    Be.put16(buf, off + 4, PARAM_HEARTBEAT_INFO);
    Be.put16(buf, off + 6, 4 + infoLength);
    System.arraycopy(info, infoOffset, buf, off + 8, infoLength);
    return len;
  }

  @Override
  public int encodedSize() {
    return 8 + infoLength;
  }
}
