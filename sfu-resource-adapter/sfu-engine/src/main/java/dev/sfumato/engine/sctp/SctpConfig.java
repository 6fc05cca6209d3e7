package dev.sfumato.engine.sctp;

/**
 * Every limit of one association in one place. Defaults ({@link #webRtc}) follow RFC 8831 §6 and
 * RFC 8841 (port 5000, max-message-size 262144 as offered by Chromium and Firefox) and RFC 9260 §16
 * protocol parameters.
 *
 * @param localPort our SCTP port (SDP {@code a=sctp-port}, RFC 8841 §5)
 * @param remotePort the peer's SCTP port from its SDP
 * @param mtu bytes of one SCTP packet; 1200 keeps DTLS + UDP + IPv6 under 1280 (RFC 8261 §5)
 * @param maxMessageSize largest message we accept or send (SDP {@code a=max-message-size}, RFC 8841
 *     §6); a larger incoming message aborts the association
 * @param receiveWindow bytes we buffer for reassembly and ordering, advertised as a_rwnd; at least
 *     {@code maxMessageSize} so one whole message always fits
 * @param sendBufferLimit bytes queued or in flight beyond which {@code send} refuses
 * @param streams outbound and inbound streams we offer (WebRTC: 65535, RFC 8831 §6.2)
 * @param rtoInitialMillis RTO.Initial (§16: 1 s)
 * @param rtoMinMillis RTO.Min (§16: 1 s; WebRTC stacks use less). Keep it well above {@code
 *     delayedSackMillis}: a lone packet's SACK may wait that long, and a T3 firing first is a
 *     spurious retransmission that also collapses cwnd (default 400 ms vs 200 ms)
 * @param rtoMaxMillis RTO.Max (§16: 60 s)
 * @param maxRetransmissions Association.Max.Retrans (§16: 10) consecutive timeouts before closing
 * @param maxInitRetransmissions Max.Init.Retransmits (§16: 8)
 * @param cookieLifetimeMillis Valid.Cookie.Life (§16: 60 s)
 * @param delayedSackMillis the delayed SACK timer (§6.2: at most 500 ms; 200 ms as commonly used)
 */
public record SctpConfig(
    int localPort,
    int remotePort,
    int mtu,
    int maxMessageSize,
    int receiveWindow,
    int sendBufferLimit,
    int streams,
    int rtoInitialMillis,
    int rtoMinMillis,
    int rtoMaxMillis,
    int maxRetransmissions,
    int maxInitRetransmissions,
    int cookieLifetimeMillis,
    int delayedSackMillis) {

  public static final int DEFAULT_PORT = 5000;

  public SctpConfig {
    requireRange("localPort", localPort, 1, 0xFFFF);
    requireRange("remotePort", remotePort, 1, 0xFFFF);
    requireRange("mtu", mtu, 256, 65535);
    requireRange("maxMessageSize", maxMessageSize, 1, 64 << 20);
    requireRange("receiveWindow", receiveWindow, maxMessageSize, Integer.MAX_VALUE);
    requireRange("sendBufferLimit", sendBufferLimit, 1, Integer.MAX_VALUE);
    requireRange("streams", streams, 1, 0xFFFF);
    requireRange("rtoMinMillis", rtoMinMillis, 1, rtoMaxMillis);
    requireRange("rtoInitialMillis", rtoInitialMillis, rtoMinMillis, rtoMaxMillis);
    requireRange("maxRetransmissions", maxRetransmissions, 1, 1000);
    requireRange("maxInitRetransmissions", maxInitRetransmissions, 1, 1000);
    requireRange("cookieLifetimeMillis", cookieLifetimeMillis, 1, 3_600_000);
    requireRange("delayedSackMillis", delayedSackMillis, 1, 500);
  }

  /**
   * WebRTC defaults: port 5000, 1200-byte packets, 256 KiB messages, 1 MiB receive window and send
   * buffer, RTO 1 s initial / 400 ms min / 60 s max, 200 ms delayed SACK.
   */
  public static SctpConfig webRtc() {
    return new SctpConfig(
        DEFAULT_PORT,
        DEFAULT_PORT,
        1200,
        262_144,
        1 << 20,
        1 << 20,
        65535,
        1000,
        400,
        60_000,
        10,
        8,
        60_000,
        200);
  }

  public SctpConfig withPorts(int local, int remote) {
    return new SctpConfig(
        local,
        remote,
        mtu,
        maxMessageSize,
        receiveWindow,
        sendBufferLimit,
        streams,
        rtoInitialMillis,
        rtoMinMillis,
        rtoMaxMillis,
        maxRetransmissions,
        maxInitRetransmissions,
        cookieLifetimeMillis,
        delayedSackMillis);
  }

  public SctpConfig withMaxMessageSize(int size) {
    return new SctpConfig(
        localPort,
        remotePort,
        mtu,
        size,
        Math.max(receiveWindow, size),
        sendBufferLimit,
        streams,
        rtoInitialMillis,
        rtoMinMillis,
        rtoMaxMillis,
        maxRetransmissions,
        maxInitRetransmissions,
        cookieLifetimeMillis,
        delayedSackMillis);
  }

  /** Packets of at most {@code bytes}: what fits one DTLS record under its send limit. */
  public SctpConfig withMtu(int bytes) {
    return new SctpConfig(
        localPort,
        remotePort,
        bytes,
        maxMessageSize,
        receiveWindow,
        sendBufferLimit,
        streams,
        rtoInitialMillis,
        rtoMinMillis,
        rtoMaxMillis,
        maxRetransmissions,
        maxInitRetransmissions,
        cookieLifetimeMillis,
        delayedSackMillis);
  }

  public SctpConfig withSendBufferLimit(int limit) {
    return new SctpConfig(
        localPort,
        remotePort,
        mtu,
        maxMessageSize,
        receiveWindow,
        limit,
        streams,
        rtoInitialMillis,
        rtoMinMillis,
        rtoMaxMillis,
        maxRetransmissions,
        maxInitRetransmissions,
        cookieLifetimeMillis,
        delayedSackMillis);
  }

  private static void requireRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "]: " + value);
    }
  }
}
