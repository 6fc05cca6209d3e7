package dev.sfumato.engine.transport;

import dev.sfumato.engine.rtcp.RtcpMux;
import dev.sfumato.engine.srtp.SrtpContexts;
import dev.sfumato.engine.stats.DropReason;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * A transport's SRTP packet path (RFC 3711 with DTLS-SRTP keys, RFC 5764): unprotects SRTP and
 * SRTCP in place and hands the plain packets to {@link TransportMedia}, protects what goes out, and
 * counts both directions. Its own class so that {@link WebRtcTransport} keeps the ICE and DTLS life
 * of the connection and this the per-packet work, which allocates nothing. Worker thread only.
 */
final class SrtpPath {

  private final TransportHost host;
  private final TransportMedia media;
  private SrtpContexts keys;
  private long rtpIn;
  private long rtcpIn;
  private long bytesIn;
  private long rtpOut;
  private long rtcpOut;
  private long bytesOut;

  SrtpPath(TransportHost host, TransportMedia media) {
    this.host = host;
    this.media = media;
  }

  /** The contexts built from DTLS's keys; null when the transport closes. */
  void keys(SrtpContexts keys) {
    this.keys = keys;
  }

  boolean ready() {
    return keys != null;
  }

  /** SRTP or SRTCP (RFC 5761 §4 tells them apart) from a validated address. */
  void receive(byte[] buf, int off, int len, long now) {
    if (keys == null) {
      host.count(DropReason.SRTP_NOT_READY);
      return;
    }
    if (host.injectedLoss()) {
      return;
    }
    bytesIn += len;
    boolean rtcp = RtcpMux.isRtcp(buf, off, len);
    int n =
        rtcp
            ? keys.inbound().unprotectRtcp(buf, off, len)
            : keys.inbound().unprotectRtp(buf, off, len);
    if (n < 0) {
      host.count(SrtpSetup.dropReason(n));
      return;
    }
    if (rtcp) {
      rtcpIn++;
      media.handleRtcp(buf, off, n, now);
    } else {
      rtpIn++;
      media.handleRtp(buf, off, n, now);
    }
  }

  /**
   * Protects one RTP or RTCP packet in place (the buffer leaves room for the tag) and sends it to
   * {@code to}; false if there are no keys or address yet, or it could not be protected or sent.
   */
  boolean send(boolean rtcp, byte[] buf, int off, int len, InetSocketAddress to) {
    if (keys == null || to == null) {
      return false;
    }
    int n =
        rtcp
            ? keys.outbound().protectRtcp(buf, off, len)
            : keys.outbound().protectRtp(buf, off, len);
    if (n >= 0 && host.injectedLoss()) {
      return true; // lost on the way, as far as anyone can tell
    }
    if (n < 0 || !host.send(buf, off, n, to)) {
      return false;
    }
    if (rtcp) {
      rtcpOut++;
    } else {
      rtpOut++;
    }
    bytesOut += n;
    return true;
  }

  /** The packet counters of transport stats. */
  void stats(Map<String, Long> m) {
    m.put("rtpIn", rtpIn);
    m.put("rtcpIn", rtcpIn);
    m.put("bytesIn", bytesIn);
    m.put("rtpOut", rtpOut);
    m.put("rtcpOut", rtcpOut);
    m.put("bytesOut", bytesOut);
  }
}
