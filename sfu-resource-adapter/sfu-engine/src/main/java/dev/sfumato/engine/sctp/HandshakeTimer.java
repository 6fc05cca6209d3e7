package dev.sfumato.engine.sctp;

/**
 * T1-init and T1-cookie (RFC 9260 §5.1 A, C): while the association is being set up, resends our
 * INIT or COOKIE ECHO with the timeout doubled up to RTO.Max, and gives up after
 * Max.Init.Retransmits. Its own class so that {@link SctpAssociation} keeps the established
 * association's timers and this the handshake's retransmission. Association's thread only.
 */
final class HandshakeTimer {

  private final SctpAssociation a;
  private final SctpConfig config;
  private final ChunkHandler handler;
  private long deadline = Long.MAX_VALUE;
  private long rto;
  private int count;

  HandshakeTimer(SctpAssociation a, SctpConfig config, ChunkHandler handler) {
    this.a = a;
    this.config = config;
    this.handler = handler;
  }

  /** INIT or COOKIE ECHO sent: the timer (re)starts at RTO.Initial. */
  void start(long now) {
    rto = config.rtoInitialMillis() * 1_000_000L;
    count = 0;
    deadline = now + rto;
  }

  /** Established or terminated. */
  void stop() {
    deadline = Long.MAX_VALUE;
  }

  long deadline() {
    return deadline;
  }

  /** §5.1 A/C: resend INIT or COOKIE ECHO, doubling the timeout; false when given up. */
  boolean onTimer(long now) {
    if (++count > config.maxInitRetransmissions()) {
      a.terminate(SctpCloseReason.HANDSHAKE_TIMEOUT);
      return false;
    }
    rto = Math.min(rto * 2, config.rtoMaxMillis() * 1_000_000L);
    deadline = now + rto;
    if (a.state == SctpState.COOKIE_WAIT) {
      handler.sendInit();
    } else if (a.state == SctpState.COOKIE_ECHOED) {
      handler.sendCookieEcho();
    }
    a.writer.flush();
    return true;
  }
}
