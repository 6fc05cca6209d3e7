package dev.sfumato.engine.transport;

import dev.sfumato.engine.api.EngineEvent;
import dev.sfumato.engine.dtls.DtlsCertificate;
import dev.sfumato.engine.forward.ForwardBuffers;
import dev.sfumato.engine.stats.DropReason;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;

/**
 * What a transport needs from the worker that owns it. Everything but {@link #postDtlsSend}, {@link
 * #postDtlsConnected} and {@link #postDtlsEnded} is called on the worker thread; those three are
 * called from DTLS threads and hop onto the worker with a command.
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

  /** {@code from} passed an authenticated ICE check of {@code transport}: DTLS/SRTP may come. */
  void addressValidated(WebRtcTransport transport, InetSocketAddress from);

  /** Any thread: queue one outgoing DTLS datagram (already copied) for the worker to send. */
  void postDtlsSend(WebRtcTransport transport, byte[] datagram);

  /** Any thread: the handshake completed; the worker builds SRTP. */
  void postDtlsConnected(WebRtcTransport transport, dev.sfumato.engine.dtls.SrtpKeyMaterial keys);

  /** Any thread: DTLS failed or closed; the worker closes the transport with this reason. */
  void postDtlsEnded(WebRtcTransport transport, String reason);
}
