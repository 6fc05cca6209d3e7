package dev.sfumato.engine.dtls;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsTimeoutException;

/**
 * The DTLS-SRTP association of one WebRtcTransport: RFC 5764 (DTLS-SRTP) over RFC 6347 (DTLS 1.2),
 * then the data-channel record stream of RFC 8261.
 *
 * <p>Threads. The media worker calls {@link #offer} with each datagram its RFC 7983 demultiplexer
 * classifies as DTLS; it copies and returns. Bouncy Castle's handshake blocks, so {@link #start}
 * runs it as one task on the given executor, which holds that thread for the handshake only (a few
 * round trips, at most the handshake timeout). After the handshake no thread waits: when a datagram
 * arrives, {@code offer} schedules a drain task (at most one queued or running) that decrypts what
 * is queued, hands application data to the listener, and returns the thread. A thread parked per
 * transport for its whole life would not scale to thousands of transports on a server's shared
 * pool.
 *
 * <p>Ending. Exactly one terminal listener call: {@link DtlsListener#onFailed} if the handshake did
 * not complete or the connection broke, {@link DtlsListener#onClosed} if it ended in order. {@link
 * #close()} sends close_notify when connected, wakes the handshake task, and reports on the calling
 * thread. A callback already running on the DTLS thread may still finish after that.
 */
public final class DtlsSession {

  private static final Logger LOG = Logger.getLogger(DtlsSession.class.getName());

  /** How long the drain task lets Bouncy Castle wait when a datagram holds no application data. */
  private static final int DRAIN_WAIT_MILLIS = 1;

  private final DtlsCertificate certificate;
  private final DtlsConfig config;
  private final DtlsListener listener;
  private final QueueDatagramTransport transport;
  private final AtomicReference<DtlsState> state = new AtomicReference<>(DtlsState.NEW);
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final Runnable drainTask = this::drain;

  /**
   * Serializes Bouncy Castle's record layer between a sender (the media worker sending SCTP) and
   * the drain task. {@code DTLSRecordLayer} (1.84) locks only record encryption: {@code send} reads
   * {@code writeEpoch} and {@code retransmitEpoch} unlocked, and a receive that answers a
   * retransmitted final flight switches {@code writeEpoch} to the old epoch while it resends, so a
   * concurrent application send could go out as a handshake record in the wrong epoch. The drain
   * holds this lock for one {@code receive} call: one record's decryption, at most {@value
   * #DRAIN_WAIT_MILLIS} ms when the record held no application data (a handshake retransmission, an
   * alert, a replay). A sender waits that long at worst.
   */
  private final Object recordLock = new Object();

  private volatile Executor executor;
  private volatile HandshakePolicy policy;
  private volatile DTLSTransport dtls;
  private volatile int applicationSendLimit = -1;
  private byte[] receiveBuffer; // DTLS thread only: the handshake task, then one drain at a time

  public DtlsSession(
      DtlsCertificate certificate,
      DtlsConfig config,
      DatagramSender sender,
      DtlsListener listener) {
    this.certificate = Objects.requireNonNull(certificate, "certificate");
    this.config = Objects.requireNonNull(config, "config");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.transport =
        new QueueDatagramTransport(sender, config.queueMaxRecords(), config.queueMaxBytes());
  }

  /**
   * Starts the handshake on {@code handshakeExecutor}, which also runs the later drain tasks.
   * Datagrams offered before this call wait in the queue (a browser's ClientHello can beat the
   * signalling answer).
   *
   * @throws IllegalStateException if already started or closed
   */
  public void start(DtlsRole role, DtlsFingerprint expectedRemote, Executor handshakeExecutor) {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(expectedRemote, "expectedRemote");
    Objects.requireNonNull(handshakeExecutor, "handshakeExecutor");
    if (!state.compareAndSet(DtlsState.NEW, DtlsState.CONNECTING)) {
      throw new IllegalStateException("DTLS session already started or closed: " + state.get());
    }
    HandshakePolicy handshakePolicy =
        new HandshakePolicy(certificate, expectedRemote, config, role);
    this.policy = handshakePolicy;
    this.executor = handshakeExecutor; // published to the drain path by execute() and CONNECTED
    try {
      handshakeExecutor.execute(() -> handshake(role, handshakePolicy));
    } catch (RejectedExecutionException e) {
      finish(DtlsState.FAILED, DtlsFailureReason.INTERNAL_ERROR, "executor rejected handshake");
    }
  }

  /**
   * Queues one DTLS datagram from the peer. Media thread; never throws on peer input and never
   * blocks beyond the queue lock. It allocates nothing itself; once connected, the first datagram
   * of a burst hands the (pre-built) drain task to the executor, whose queueing may allocate.
   */
  public OfferResult offer(byte[] buf, int off, int len) {
    OfferResult result = transport.offer(buf, off, len);
    if (result == OfferResult.QUEUED && state.get() == DtlsState.CONNECTED) {
      scheduleDrain();
    }
    return result;
  }

  /**
   * Sends one application-data record (an SCTP packet) to the peer, on the calling thread: the
   * sender callback runs inside this call. Safe alongside the drain task (see {@code recordLock}).
   *
   * @return false if not connected (not yet, or no longer)
   * @throws IllegalArgumentException if {@code len} exceeds {@link #applicationSendLimit()}
   */
  public boolean send(byte[] buf, int off, int len) {
    Objects.checkFromIndexSize(off, len, buf.length);
    DTLSTransport connected = dtls;
    if (connected == null || state.get() != DtlsState.CONNECTED) {
      return false;
    }
    if (len > applicationSendLimit) {
      throw new IllegalArgumentException(len + " bytes > send limit " + applicationSendLimit);
    }
    Exception failure;
    try {
      synchronized (recordLock) {
        connected.send(buf, off, len);
      }
      return true;
    } catch (IOException | RuntimeException e) {
      failure = e;
    }
    finish(DtlsState.FAILED, DtlsFailureReason.INTERNAL_ERROR, "send failed: " + failure);
    return false;
  }

  /**
   * Largest application record that fits one datagram under the send limit (1200 bytes less record
   * header and AEAD overhead), or -1 before the handshake completes. SCTP sizes its packets from
   * this.
   */
  public int applicationSendLimit() {
    return applicationSendLimit;
  }

  public DtlsState state() {
    return state.get();
  }

  /** How many offered datagrams ended with {@code result} (drops by reason for the stats). */
  public long offerCount(OfferResult result) {
    return transport.count(result);
  }

  /**
   * Ends the session: close_notify if connected (RFC 5246 §7.2.1), then the queue closes, which
   * wakes and ends the handshake task. Reports {@code onClosed} if connected, else {@code
   * onFailed(CLOSED)}, on this thread. Idempotent.
   */
  public void close() {
    DtlsState previous;
    DtlsState terminal;
    do {
      previous = state.get();
      if (previous == DtlsState.FAILED || previous == DtlsState.CLOSED) {
        return;
      }
      terminal = previous == DtlsState.CONNECTED ? DtlsState.CLOSED : DtlsState.FAILED;
    } while (!state.compareAndSet(previous, terminal));
    DTLSTransport connected = dtls;
    if (previous == DtlsState.CONNECTED && connected != null) {
      try {
        synchronized (recordLock) {
          connected.close();
        }
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.FINE, "close_notify not sent", e);
      }
    }
    transport.close();
    report(terminal, DtlsFailureReason.CLOSED, "closed locally");
  }

  /** The queue, for tests that watch it drain. */
  QueueDatagramTransport transport() {
    return transport;
  }

  private void handshake(DtlsRole role, HandshakePolicy handshakePolicy) {
    DTLSTransport connected;
    try {
      connected =
          role == DtlsRole.SERVER
              ? new DTLSServerProtocol().accept(new DtlsServerPeer(handshakePolicy), transport)
              : new DTLSClientProtocol().connect(new DtlsClientPeer(handshakePolicy), transport);
      receiveBuffer = new byte[connected.getReceiveLimit()];
      applicationSendLimit = connected.getSendLimit();
    } catch (IOException | RuntimeException e) {
      finish(DtlsState.FAILED, classify(e, handshakePolicy), describe(e, handshakePolicy));
      return;
    }
    dtls = connected;
    drainScheduled.set(true); // this task drains first, so offers need not schedule one
    if (!state.compareAndSet(DtlsState.CONNECTING, DtlsState.CONNECTED)) {
      return; // closed while the last flight was in the air; close() has reported
    }
    try {
      listener.onConnected(handshakePolicy.keys());
    } catch (RuntimeException e) {
      listenerThrew(e);
      return;
    }
    drain();
  }

  private void scheduleDrain() {
    if (drainScheduled.compareAndSet(false, true)) {
      try {
        executor.execute(drainTask);
      } catch (RejectedExecutionException e) {
        finish(DtlsState.FAILED, DtlsFailureReason.INTERNAL_ERROR, "executor rejected drain");
      }
    }
  }

  /** Decrypts every queued datagram, then hands the thread back (see the class comment). */
  private void drain() {
    DTLSTransport connected = dtls;
    byte[] buf = receiveBuffer;
    HandshakePolicy handshakePolicy = policy;
    do {
      try {
        while (state.get() == DtlsState.CONNECTED) {
          // First the records Bouncy Castle split off an earlier multi-record datagram.
          int received;
          synchronized (recordLock) {
            received = connected.receivePending(buf, 0, buf.length);
            if (received < 0 && !transport.isEmpty()) {
              received = connected.receive(buf, 0, buf.length, DRAIN_WAIT_MILLIS);
            } else if (received < 0) {
              break;
            }
          }
          if (received > 0 && !deliver(buf, received)) {
            return;
          }
          if (received < 0 && handshakePolicy.peerSentCloseNotify()) {
            // Bouncy Castle answers close_notify by returning -1 rather than throwing
            finish(DtlsState.CLOSED, null, "peer sent close_notify");
            return;
          }
        }
      } catch (IOException | RuntimeException e) {
        if (handshakePolicy.peerSentCloseNotify()) {
          finish(DtlsState.CLOSED, null, "peer sent close_notify");
        } else {
          finish(DtlsState.FAILED, classify(e, handshakePolicy), describe(e, handshakePolicy));
        }
        return;
      }
      if (state.get() != DtlsState.CONNECTED) {
        return;
      }
      drainScheduled.set(false);
      // An offer between the emptiness check and the reset saw "scheduled" and left it to us.
    } while (!transport.isEmpty() && drainScheduled.compareAndSet(false, true));
  }

  private boolean deliver(byte[] buf, int len) {
    if (state.get() != DtlsState.CONNECTED) {
      return false;
    }
    try {
      listener.onApplicationData(buf, 0, len);
      return true;
    } catch (RuntimeException e) {
      listenerThrew(e);
      return false;
    }
  }

  private void listenerThrew(RuntimeException e) {
    LOG.log(Level.WARNING, "DTLS listener threw; closing the session", e);
    finish(DtlsState.FAILED, DtlsFailureReason.INTERNAL_ERROR, "listener threw: " + e);
  }

  /** Moves to a terminal state once; the winner closes the queue and reports. */
  private void finish(DtlsState terminal, DtlsFailureReason reason, String detail) {
    DtlsState previous;
    do {
      previous = state.get();
      if (previous == DtlsState.FAILED || previous == DtlsState.CLOSED) {
        return;
      }
    } while (!state.compareAndSet(previous, terminal));
    DTLSTransport connected = dtls;
    if (connected != null && terminal == DtlsState.FAILED) {
      try {
        connected.close(); // Bouncy Castle sends the fatal alert if it has not already
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.FINE, "DTLS close after failure", e);
      }
    }
    transport.close();
    report(terminal, reason, detail);
  }

  private void report(DtlsState terminal, DtlsFailureReason reason, String detail) {
    try {
      if (terminal == DtlsState.CLOSED) {
        listener.onClosed();
      } else {
        listener.onFailed(reason, detail);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "DTLS listener threw on its terminal event", e);
    }
  }

  private static DtlsFailureReason classify(Throwable e, HandshakePolicy handshakePolicy) {
    if (handshakePolicy.fingerprintFailure() != null) {
      return DtlsFailureReason.FINGERPRINT_MISMATCH;
    }
    if (handshakePolicy.srtpFailure() != null) {
      return DtlsFailureReason.SRTP_NEGOTIATION_FAILED;
    }
    if (e instanceof TlsTimeoutException) {
      return DtlsFailureReason.HANDSHAKE_TIMEOUT;
    }
    if (e instanceof TlsFatalAlertReceived) {
      return DtlsFailureReason.ALERT_RECEIVED;
    }
    if (e instanceof TlsFatalAlert alert
        && alert.getAlertDescription() != AlertDescription.internal_error) {
      return DtlsFailureReason.PROTOCOL_ERROR;
    }
    return DtlsFailureReason.INTERNAL_ERROR;
  }

  private static String describe(Throwable e, HandshakePolicy handshakePolicy) {
    if (handshakePolicy.fingerprintFailure() != null) {
      return handshakePolicy.fingerprintFailure();
    }
    if (handshakePolicy.srtpFailure() != null) {
      return handshakePolicy.srtpFailure();
    }
    if (e instanceof TlsFatalAlertReceived received) {
      return "peer sent " + AlertDescription.getText(received.getAlertDescription());
    }
    if (e instanceof TlsFatalAlert alert) {
      return "we sent "
          + AlertDescription.getText(alert.getAlertDescription())
          + ": "
          + e.getMessage();
    }
    return e.toString();
  }
}
