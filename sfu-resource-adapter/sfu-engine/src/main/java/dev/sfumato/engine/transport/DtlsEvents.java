package dev.sfumato.engine.transport;

import dev.sfumato.engine.dtls.DtlsFailureReason;
import dev.sfumato.engine.dtls.DtlsListener;
import dev.sfumato.engine.dtls.SrtpKeyMaterial;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A transport's DTLS listener and record sender: called on DTLS threads, it only posts to the
 * worker (STYLE.md: confinement over locks). Application data (SCTP packets, RFC 8261) is copied
 * and posted, at most {@value #MAX_PENDING_SCTP_PACKETS} waiting per transport; past that a packet
 * is dropped and counted, as the network would lose it, and SCTP retransmits. Outgoing records are
 * bounded the same way ({@value #MAX_PENDING_DTLS_SENDS}).
 */
final class DtlsEvents implements DtlsListener {

  /** DTLS datagrams waiting for the worker to send them: a full flight is a few; 64 is plenty. */
  static final int MAX_PENDING_DTLS_SENDS = 64;

  /**
   * SCTP packets waiting for the worker. The worker applies up to 256 commands a turn, so this is
   * one turn's worth for one transport (about 300 KB of 1200-byte packets): a burst the peer's
   * congestion window allows fits, a worker that stays behind drops and the peer's SCTP backs off.
   */
  static final int MAX_PENDING_SCTP_PACKETS = 256;

  private final WebRtcTransport transport;
  private final TransportHost host;
  private final AtomicInteger pendingSctp = new AtomicInteger();
  private final AtomicInteger pendingDtlsSends = new AtomicInteger();
  private final AtomicLong sctpQueueDropped = new AtomicLong();

  DtlsEvents(WebRtcTransport transport, TransportHost host) {
    this.transport = transport;
    this.host = host;
  }

  /**
   * The session's sender. DTLS thread: copy the record and hop; bounded so a stuck worker cannot
   * pile memory up. On the worker (an SCTP packet encrypted by {@link TransportData}, or
   * close_notify) it goes out at once.
   */
  void send(byte[] buf, int off, int len) {
    if (host.onWorkerThread()) {
      transport.sendRecord(buf, off, len);
      return;
    }
    byte[] copy = copyIfRoom(pendingDtlsSends, MAX_PENDING_DTLS_SENDS, buf, off, len);
    if (copy != null) { // else lost: UDP loses datagrams too; DTLS retransmits (RFC 6347 §4.2.4)
      host.postDtlsSend(transport, copy);
    }
  }

  /** Worker: one posted datagram was taken off the queue. */
  void dtlsSendApplied() {
    pendingDtlsSends.decrementAndGet();
  }

  @Override
  public void onConnected(SrtpKeyMaterial keys) {
    host.postDtlsConnected(transport, keys);
  }

  @Override
  public void onApplicationData(byte[] buf, int off, int len) {
    byte[] copy = copyIfRoom(pendingSctp, MAX_PENDING_SCTP_PACKETS, buf, off, len);
    if (copy == null) {
      sctpQueueDropped.incrementAndGet();
      return;
    }
    host.postSctpPacket(transport, copy);
  }

  /** A copy to post, counted in {@code pending}; null when {@code max} already wait. */
  private static byte[] copyIfRoom(AtomicInteger pending, int max, byte[] buf, int off, int len) {
    if (pending.incrementAndGet() > max) {
      pending.decrementAndGet();
      return null;
    }
    byte[] copy = new byte[len];
    System.arraycopy(buf, off, copy, 0, len);
    return copy;
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
