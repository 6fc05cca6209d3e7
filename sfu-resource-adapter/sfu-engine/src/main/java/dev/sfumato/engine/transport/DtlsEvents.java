package dev.sfumato.engine.transport;

import dev.sfumato.engine.dtls.DtlsFailureReason;
import dev.sfumato.engine.dtls.DtlsListener;
import dev.sfumato.engine.dtls.SrtpKeyMaterial;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A transport's DTLS listener: called on DTLS threads, it only posts to the worker (STYLE.md:
 * confinement over locks). Application data (SCTP packets, RFC 8261) is copied and posted, at most
 * {@value #MAX_PENDING_SCTP_PACKETS} waiting per transport; past that a packet is dropped and
 * counted, as the network would lose it, and SCTP retransmits.
 */
final class DtlsEvents implements DtlsListener {

  /**
   * SCTP packets waiting for the worker. The worker applies up to 256 commands a turn, so this is
   * one turn's worth for one transport (about 300 KB of 1200-byte packets): a burst the peer's
   * congestion window allows fits, a worker that stays behind drops and the peer's SCTP backs off.
   */
  static final int MAX_PENDING_SCTP_PACKETS = 256;

  private final WebRtcTransport transport;
  private final TransportHost host;
  private final AtomicInteger pendingSctp = new AtomicInteger();
  private final AtomicLong sctpQueueDropped = new AtomicLong();

  DtlsEvents(WebRtcTransport transport, TransportHost host) {
    this.transport = transport;
    this.host = host;
  }

  @Override
  public void onConnected(SrtpKeyMaterial keys) {
    host.postDtlsConnected(transport, keys);
  }

  @Override
  public void onApplicationData(byte[] buf, int off, int len) {
    if (pendingSctp.incrementAndGet() > MAX_PENDING_SCTP_PACKETS) {
      pendingSctp.decrementAndGet();
      sctpQueueDropped.incrementAndGet();
      return;
    }
    byte[] copy = new byte[len];
    System.arraycopy(buf, off, copy, 0, len);
    host.postSctpPacket(transport, copy);
  }

  /** Worker: one posted packet was taken off the queue. */
  void sctpPacketApplied() {
    pendingSctp.decrementAndGet();
  }

  long sctpQueueDropped() {
    return sctpQueueDropped.get();
  }

  @Override
  public void onFailed(DtlsFailureReason reason, String detail) {
    host.postDtlsEnded(
        transport, "dtls failed: " + reason + (detail == null ? "" : " (" + detail + ")"));
  }

  @Override
  public void onClosed() {
    host.postDtlsEnded(transport, "dtls closed");
  }
}
