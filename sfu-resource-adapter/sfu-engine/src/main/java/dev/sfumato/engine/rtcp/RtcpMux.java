package dev.sfumato.engine.rtcp;

/**
 * RFC 5761 §4: telling RTCP from RTP on one port. The second octet of an RTCP packet is its packet
 * type, 192-223 for every RTCP type in use (SR 200 ... PSFB 206, XR 207); for RTP that octet is
 * marker + payload type, and §4 keeps payload types 64-95 out of use so that, with the marker set,
 * they never collide with this range.
 */
public final class RtcpMux {

  private RtcpMux() {}

  public static boolean isRtcp(byte[] buf, int off, int len) {
    if (buf == null || len < 2 || off < 0 || off > buf.length - 2) {
      return false;
    }
    int secondOctet = buf[off + 1] & 0xFF;
    return secondOctet >= 192 && secondOctet <= 223;
  }
}
