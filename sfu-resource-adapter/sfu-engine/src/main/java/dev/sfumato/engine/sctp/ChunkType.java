package dev.sfumato.engine.sctp;

/** Chunk type numbers (RFC 9260 §3.2, RFC 3758 §3.2 FORWARD-TSN, RFC 6525 §3.1 RE-CONFIG). */
public final class ChunkType {
  public static final int DATA = 0;
  public static final int INIT = 1;
  public static final int INIT_ACK = 2;
  public static final int SACK = 3;
  public static final int HEARTBEAT = 4;
  public static final int HEARTBEAT_ACK = 5;
  public static final int ABORT = 6;
  public static final int SHUTDOWN = 7;
  public static final int SHUTDOWN_ACK = 8;
  public static final int ERROR = 9;
  public static final int COOKIE_ECHO = 10;
  public static final int COOKIE_ACK = 11;
  public static final int SHUTDOWN_COMPLETE = 14;
  public static final int RE_CONFIG = 130;
  public static final int FORWARD_TSN = 192;

  private ChunkType() {}

  /**
   * §3.2: the two high bits of an unrecognized type say whether to stop processing the packet (00,
   * 01) or skip the chunk (10, 11).
   */
  public static boolean skipIfUnknown(int type) {
    return (type & 0x80) != 0;
  }

  /** §3.2: bit 0x40 asks for an "Unrecognized Chunk Type" error. */
  public static boolean reportIfUnknown(int type) {
    return (type & 0x40) != 0;
  }
}
