package dev.sfumato.engine.sctp;

/**
 * RFC 9260 §3.3.2 INIT and §3.3.3 INIT ACK (same layout, {@link #ack} tells them apart) with the
 * parameters WebRTC uses: State Cookie (INIT ACK only, §3.3.3.1), Forward-TSN-Supported (RFC 3758
 * §3.1) and Supported Extensions (RFC 5061 §4.2.7). Other parameters are skipped or stop the walk
 * as their two high type bits say (§3.2.1).
 *
 * <pre>
 * |   Type = 1/2  |  Chunk Flags  |      Chunk Length             |
 * |                         Initiate Tag                          |
 * |           Advertised Receiver Window Credit (a_rwnd)          |
 * |  Number of Outbound Streams   |  Number of Inbound Streams    |
 * |                          Initial TSN                          |
 * \              Optional/Variable-Length Parameters              \
 * </pre>
 */
public final class InitChunk implements SctpChunk {

  public static final int HEADER_LENGTH = 20;
  static final int PARAM_STATE_COOKIE = 7;
  static final int PARAM_SUPPORTED_EXTENSIONS = 0x8008;
  static final int PARAM_FORWARD_TSN_SUPPORTED = 0xC000;
  public static final int MAX_EXTENSIONS = 16;

  public boolean ack;
  public int initiateTag;
  public int aRwnd;
  public int outboundStreams;
  public int inboundStreams;
  public int initialTsn;
  public boolean forwardTsnSupported;
  public int extensionCount;
  public final int[] extensions = new int[MAX_EXTENSIONS];

  /** State cookie view (INIT ACK); length 0 when absent. */
  public byte[] cookie;

  public int cookieOffset;
  public int cookieLength;

  @Override
  public int type() {
    return ack ? ChunkType.INIT_ACK : ChunkType.INIT;
  }

  public boolean supportsExtension(int chunkType) {
    for (int i = 0; i < extensionCount; i++) {
      if (extensions[i] == chunkType) {
        return true;
      }
    }
    return false;
  }

  @Override
  public SctpStatus decode(byte[] buf, int off, int len) {
    if (len < HEADER_LENGTH) {
      return SctpStatus.TOO_SHORT;
    }
    ack = Be.u8(buf, off) == ChunkType.INIT_ACK;
    initiateTag = Be.i32(buf, off + 4);
    aRwnd = Be.i32(buf, off + 8);
    outboundStreams = Be.u16(buf, off + 12);
    inboundStreams = Be.u16(buf, off + 14);
    initialTsn = Be.i32(buf, off + 16);
    forwardTsnSupported = false;
    extensionCount = 0;
    cookieLength = 0;
    // §3.3.2: a zero Initiate Tag or zero stream counts are protocol violations
    if (initiateTag == 0 || outboundStreams == 0 || inboundStreams == 0) {
      return SctpStatus.MALFORMED;
    }
    return decodeParameters(buf, off + HEADER_LENGTH, off + len);
  }

  private SctpStatus decodeParameters(byte[] buf, int at, int end) {
    while (end - at >= 4) {
      int type = Be.u16(buf, at);
      int plen = Be.u16(buf, at + 2);
      if (plen < 4 || plen > end - at) {
        return SctpStatus.BAD_LENGTH;
      }
      if (type == PARAM_STATE_COOKIE) {
        cookie = buf;
        cookieOffset = at + 4;
        cookieLength = plen - 4;
      } else if (type == PARAM_FORWARD_TSN_SUPPORTED) {
        forwardTsnSupported = true;
      } else if (type == PARAM_SUPPORTED_EXTENSIONS) {
        for (int i = 4; i < plen && extensionCount < MAX_EXTENSIONS; i++) {
          extensions[extensionCount++] = Be.u8(buf, at + i);
        }
      } else if ((type & 0x8000) == 0 && !knownIgnored(type)) {
        break; // §3.2.1: 00/01 = stop processing further parameters
      }
      at += Math.min(Be.pad4(plen), end - at);
    }
    return SctpStatus.OK;
  }

  /**
   * RFC 9260 §3.3.2.1 parameters we recognize and ignore: IPv4 (5) and IPv6 (6) addresses, Cookie
   * Preservative (9), Host Name (11), Supported Address Types (12), Unrecognized Parameter (8).
   * usrsctp (Firefox) sends Supported Address Types before Forward-TSN-Supported, so treating it as
   * unknown would stop the walk before the extensions.
   */
  private static boolean knownIgnored(int type) {
    return type == 5 || type == 6 || type == 8 || type == 9 || type == 11 || type == 12;
  }

  @Override
  public int encode(byte[] buf, int off) {
    int len = encodedSize();
    SctpChunk.writeHeader(buf, off, type(), 0, len);
    Be.put32(buf, off + 4, initiateTag);
    Be.put32(buf, off + 8, aRwnd);
    Be.put16(buf, off + 12, outboundStreams);
    Be.put16(buf, off + 14, inboundStreams);
    Be.put32(buf, off + 16, initialTsn);
    int at = off + HEADER_LENGTH;
    if (cookieLength > 0) {
      at = writeParam(buf, at, PARAM_STATE_COOKIE, cookieLength);
      System.arraycopy(cookie, cookieOffset, buf, at - Be.pad4(cookieLength), cookieLength);
    }
    if (forwardTsnSupported) {
      at = writeParam(buf, at, PARAM_FORWARD_TSN_SUPPORTED, 0);
    }
    if (extensionCount > 0) {
      int start = at + 4;
      at = writeParam(buf, at, PARAM_SUPPORTED_EXTENSIONS, extensionCount);
      for (int i = 0; i < extensionCount; i++) {
        buf[start + i] = (byte) extensions[i];
      }
    }
    return len;
  }

  /** Writes a parameter header and zeroes its padded value; returns the offset after it. */
  private static int writeParam(byte[] buf, int at, int type, int valueLength) {
    Be.put16(buf, at, type);
    Be.put16(buf, at + 2, 4 + valueLength);
    int end = at + 4 + Be.pad4(valueLength);
    for (int i = at + 4; i < end; i++) {
      buf[i] = 0;
    }
    return end;
  }

  /** Unpadded: the last parameter's padding is not counted (§3.2). */
  @Override
  public int encodedSize() {
    int len = HEADER_LENGTH;
    int last = 0;
    if (cookieLength > 0) {
      len += Be.pad4(4 + cookieLength);
      last = Be.pad4(4 + cookieLength) - (4 + cookieLength);
    }
    if (forwardTsnSupported) {
      len += 4;
      last = 0;
    }
    if (extensionCount > 0) {
      len += Be.pad4(4 + extensionCount);
      last = Be.pad4(4 + extensionCount) - (4 + extensionCount);
    }
    return len - last;
  }
}
