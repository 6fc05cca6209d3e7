package dev.sfumato.engine.sctp;

/**
 * RFC 9260 §3.3.11 COOKIE ECHO: the State Cookie from the INIT ACK, returned unchanged.
 *
 * <pre>
 * |   Type = 10   |Chunk  Flags   |         Length                |
 * \                            Cookie                             \
 * </pre>
 */
public final class CookieEchoChunk implements SctpChunk {

  public byte[] cookie;
  public int cookieOffset;
  public int cookieLength;

  @Override
  public int type() {
    return ChunkType.COOKIE_ECHO;
  }

  @Override
  public SctpStatus decode(byte[] buf, int off, int len) {
    if (len <= 4) {
      return SctpStatus.TOO_SHORT;
    }
    cookie = buf;
    cookieOffset = off + 4;
    cookieLength = len - 4;
    return SctpStatus.OK;
  }

  @Override
  public int encode(byte[] buf, int off) {
    SctpChunk.writeHeader(buf, off, ChunkType.COOKIE_ECHO, 0, 4 + cookieLength);
    System.arraycopy(cookie, cookieOffset, buf, off + 4, cookieLength);
    return 4 + cookieLength;
  }

  @Override
  public int encodedSize() {
    return 4 + cookieLength;
  }
}
