package dev.sfumato.engine.rtp;

/**
 * WebRTC abs-send-time (http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time): 24 bits, the
 * send time in seconds as 6.18 fixed point, so it wraps every 64 s with a 3.8 µs resolution. REMB
 * estimators read it; an SFU rewrites it with its own send time when forwarding.
 */
public final class AbsSendTimeExtension {

  public static final int LENGTH = 3;

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private AbsSendTimeExtension() {}

  /** The 24-bit value of extension {@code id}, or -1 if absent or not 3 bytes. */
  public static int read(RtpPacket packet, int id) {
    int at = packet.findExtension(id);
    if (at < 0 || packet.foundExtensionLength() != LENGTH) {
      return -1;
    }
    return Bytes.u24(packet.buffer(), at);
  }

  /** Rewrites an existing 3-byte element in place; false if absent or of another length. */
  public static boolean write(RtpPacket packet, int id, int value) {
    int at = packet.findExtension(id);
    if (at < 0 || packet.foundExtensionLength() != LENGTH) {
      return false;
    }
    Bytes.put24(packet.buffer(), at, value);
    return true;
  }

  /** 6.18 fixed-point seconds modulo 64 s from a monotonic clock in nanoseconds. */
  public static int fromNanos(long nanos) {
    long seconds = Math.floorDiv(nanos, NANOS_PER_SECOND);
    long fraction = Math.floorMod(nanos, NANOS_PER_SECOND); // < 2^30, so << 18 fits a long
    return (int) (((seconds & 0x3F) << 18) | ((fraction << 18) / NANOS_PER_SECOND));
  }
}
