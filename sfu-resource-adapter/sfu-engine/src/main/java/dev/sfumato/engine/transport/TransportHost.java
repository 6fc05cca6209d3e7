package dev.sfumato.engine.transport;

import dev.sfumato.engine.api.EngineEvent;
import dev.sfumato.engine.dtls.DtlsCertificate;
import dev.sfumato.engine.forward.ForwardBuffers;
import dev.sfumato.engine.stats.DropReason;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;

/**
 * What a transport needs from the worker that owns it. Everything but the {@code post*} methods and
 * {@link #onWorkerThread} is called on the worker thread; those are called from DTLS threads and
 * hop onto the worker with a command.
 */
public interface TransportHost {

  /** Sends one datagram from the worker's socket; false if the kernel did not take it. */
  boolean send(byte[] buf, int off, int len, InetSocketAddress to);

  void count(DropReason reason);

  ForwardBuffers buffers();

  DtlsCertificate certificate();

  /** Runs DTLS handshakes (blocking, one thread each until done) and record drains. */
  Executor blockingExecutor();

  void emit(EngineEvent event);

  /** True on the worker thread (a DTLS record encrypted there needs no hop). */
  boolean onWorkerThread();

  /**
   * Runs {@code task} on the worker after {@code delayNanos}.
   *
   * @return cancels the task
   */
  Runnable schedule(long delayNanos, Runnable task);

  /**
   * Test-only fault injection: true when this packet is to be lost (counted as INJECTED_LOSS);
   * always false unless {@code injectLoss} set a percentage.
   */
  boolean injectedLoss();

  /** {@code from} passed an authenticated ICE check of {@code transport}: DTLS/SRTP may come. */
  void addressValidated(WebRtcTransport transport, InetSocketAddress from);

  /** Any thread: queue one outgoing DTLS datagram (already copied) for the worker to send. */
  void postDtlsSend(WebRtcTransport transport, byte[] datagram);

  /** Any thread: the handshake completed; the worker builds SRTP. */
  void postDtlsConnected(WebRtcTransport transport, dev.sfumato.engine.dtls.SrtpKeyMaterial keys);

  /** DTLS thread: one SCTP packet (already copied) out of DTLS for the worker. */
  void postSctpPacket(WebRtcTransport transport, byte[] packet);

  /** Any thread: DTLS failed or closed; the worker closes the transport with this reason. */
  void postDtlsEnded(WebRtcTransport transport, String reason);
}
