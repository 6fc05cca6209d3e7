package dev.sfumato.engine.transport;

import dev.sfumato.engine.api.DtlsParameters;
import dev.sfumato.engine.api.EngineEvent;
import dev.sfumato.engine.api.IceParameters;
import dev.sfumato.engine.api.RouterId;
import dev.sfumato.engine.api.TransportId;
import dev.sfumato.engine.dtls.DtlsConfig;
import dev.sfumato.engine.dtls.DtlsFingerprint;
import dev.sfumato.engine.dtls.DtlsRole;
import dev.sfumato.engine.dtls.DtlsSession;
import dev.sfumato.engine.dtls.DtlsState;
import dev.sfumato.engine.dtls.OfferResult;
import dev.sfumato.engine.dtls.SrtpKeyMaterial;
import dev.sfumato.engine.forward.MediaTransport;
import dev.sfumato.engine.ice.IceCredentials;
import dev.sfumato.engine.ice.IceLiteAgent;
import dev.sfumato.engine.ice.IceState;
import dev.sfumato.engine.stats.DropReason;
import dev.sfumato.engine.stun.StunMessage;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One peer connection's transport (mediasoup's WebRtcTransport): ICE-lite (RFC 8445 §2.5), then
 * DTLS-SRTP (RFC 5764) on the ICE-selected address, BUNDLE and rtcp-mux (RFC 8843, RFC 5761) so
 * every m-line shares it. Confined to its worker thread; DTLS runs on the blocking executor and its
 * outputs hop back as commands ({@link TransportHost#postDtlsSend} and friends).
 *
 * <p>Order of things: the session layer creates it (local ICE credentials, our fingerprint), gives
 * the remote DTLS role and fingerprints with {@link #connect}; the peer's nominating check selects
 * an address; DTLS starts once both happened; its keys build SRTP; from then on SRTP/SRTCP from a
 * validated address is unprotected ({@link SrtpPath}) and handed to {@link TransportMedia}. A
 * fingerprint mismatch or any DTLS failure closes the transport (and with it SRTP and its
 * producers/consumers).
 */
public final class WebRtcTransport implements MediaTransport {

  private final TransportId id;
  private final RouterId routerId;
  private final TransportHost host;
  private final IceLiteAgent ice;
  private final DtlsSession dtls;
  private final TransportMedia media;
  private final DtlsEvents dtlsEvents;
  private TransportData data;
  private InetSocketAddress selected;
  private DtlsRole dtlsRole;
  private DtlsFingerprint remoteFingerprint;
  private DtlsState dtlsState = DtlsState.NEW;
  private final SrtpPath srtp;
  private boolean closed;
  private long dtlsSendsDropped;

  public WebRtcTransport(
      TransportId id,
      RouterId routerId,
      TransportHost host,
      SecureRandom random,
      DtlsConfig dtlsConfig) {
    this.id = id;
    this.routerId = routerId;
    this.host = host;
    this.ice = new IceLiteAgent(random, new IceEvents());
    this.dtlsEvents = new DtlsEvents(this, host);
    this.dtls = new DtlsSession(host.certificate(), dtlsConfig, dtlsEvents::send, dtlsEvents);
    this.media = new TransportMedia(this, host, random.nextInt() & 0xFFFF_FFFFL);
    this.srtp = new SrtpPath(host, media);
  }

  @Override
  public TransportId id() {
    return id;
  }

  public RouterId routerId() {
    return routerId;
  }

  public IceCredentials localIce() {
    return ice.localCredentials();
  }

  public TransportMedia media() {
    return media;
  }

  /** The data channels, null until {@link #enableSctp}. */
  public TransportData data() {
    return data;
  }

  /**
   * Starts SCTP: built now if the DTLS role is known (else at {@link #connect}), started now if
   * DTLS is connected (else when it is).
   *
   * @throws IllegalArgumentException if SCTP is already enabled or the transport is closed
   */
  public TransportData enableSctp(
      TransportData.Owner owner, dev.sfumato.engine.api.SctpParameters remote, boolean emit) {
    if (data != null || closed) {
      throw new IllegalArgumentException(closed ? "transport closed" : "SCTP already enabled");
    }
    data = new TransportData(this, host, dtls, owner, remote, emit);
    if (dtlsRole != null) {
      data.build(dtlsRole);
    }
    if (dtlsState == DtlsState.CONNECTED) {
      data.start();
    }
    return data;
  }

  public boolean isClosed() {
    return closed;
  }

  public InetSocketAddress selectedAddress() {
    return selected;
  }

  /** True while {@code from} passed an authenticated check within the consent window. */
  public boolean isValidated(InetSocketAddress from) {
    return ice.isValidatedAddress(from);
  }

  // ---- control (worker thread) ----

  /**
   * The remote side's SDP parameters. {@code remoteDtls.role()} is the REMOTE role as its {@code
   * a=setup} says (RFC 8842 §5): AUTO ({@code actpass}) and CLIENT ({@code active}) make us the
   * DTLS server, SERVER ({@code passive}) makes us the client.
   *
   * @throws IllegalArgumentException if no fingerprint uses a hash we support, or already connected
   */
  public void connect(IceParameters remoteIce, DtlsParameters remoteDtls) {
    if (dtlsRole != null) {
      throw new IllegalArgumentException("transport already connected");
    }
    DtlsFingerprint chosen = null;
    for (dev.sfumato.engine.api.DtlsFingerprint f : remoteDtls.fingerprints()) {
      try {
        chosen = DtlsFingerprint.parse(f.toSdpValue());
        break;
      } catch (RuntimeException e) {
        // an unsupported hash (e.g. md5): try the next one (RFC 8122 §5 allows several)
      }
    }
    if (chosen == null) {
      throw new IllegalArgumentException("no remote fingerprint with a supported hash function");
    }
    if (remoteIce != null) {
      ice.setRemoteCredentials(
          new IceCredentials(remoteIce.usernameFragment(), remoteIce.password()));
    }
    remoteFingerprint = chosen;
    dtlsRole =
        remoteDtls.role() == dev.sfumato.engine.api.DtlsRole.SERVER
            ? DtlsRole.CLIENT
            : DtlsRole.SERVER;
    if (data != null) {
      data.build(dtlsRole);
    }
    maybeStartDtls();
  }

  /**
   * ICE restart (RFC 8445 §9): new local credentials and the peer's new ones (null: its ufrag is
   * not checked), set together; the caller re-indexes the ufrag. DTLS and SRTP stay as they are.
   */
  public IceCredentials restartIce(IceCredentials remote) {
    return ice.restart(remote);
  }

  private void maybeStartDtls() {
    if (closed || dtlsState != DtlsState.NEW || dtlsRole == null || selected == null) {
      return;
    }
    dtlsState = DtlsState.CONNECTING;
    emitState();
    dtls.start(dtlsRole, remoteFingerprint, host.blockingExecutor());
  }

  /** Releases ICE, DTLS and SRTP state. The caller closes producers and consumers. Idempotent. */
  public void close() {
    if (closed) {
      return;
    }
    if (data != null) {
      data.close(); // its ABORT still goes out: DTLS closes below
    }
    closed = true;
    srtp.keys(null);
    dtls.close(); // its listener posts an end that finds us closed and is ignored
    dtlsState = DtlsState.CLOSED;
  }

  // ---- datagrams (worker thread) ----

  /** An answer length for the STUN message (0 if refused); the caller sends it to {@code from}. */
  public int handleStun(StunMessage message, InetSocketAddress from, long now, byte[] out) {
    int n = ice.handleRequest(message, from, now, out, 0);
    if (n > 0) {
      host.addressValidated(this, from);
    }
    return n;
  }

  public void handleDtls(byte[] buf, int off, int len) {
    if (dtlsState == DtlsState.CONNECTED && host.injectedLoss()) {
      return;
    }
    OfferResult r = dtls.offer(buf, off, len);
    if (r == OfferResult.DROPPED_QUEUE_FULL) {
      host.count(DropReason.DTLS_QUEUE_FULL);
    } else if (r != OfferResult.QUEUED) {
      host.count(DropReason.DTLS_REJECTED);
    }
  }

  /** SRTP or SRTCP (RFC 5761 §4 tells them apart) from a validated address. */
  public void handleSrtp(byte[] buf, int off, int len, long now) {
    srtp.receive(buf, off, len, now);
  }

  @Override
  public boolean sendRtp(byte[] buf, int off, int len) {
    return srtp.send(false, buf, off, len, selected);
  }

  @Override
  public boolean sendRtcp(byte[] buf, int off, int len) {
    return srtp.send(true, buf, off, len, selected);
  }

  /** Periodic work: ICE consent expiry, RTCP reports. */
  public void tick(long now, long wallMillis) {
    if (closed) {
      return;
    }
    ice.tick(now);
    if (srtp.ready()) {
      media.tick(now, wallMillis);
    }
  }

  // ---- DTLS outputs, applied on the worker (see TransportHost) ----

  /** One DTLS datagram posted by {@link DtlsEvents#send}. */
  public void applyDtlsSend(byte[] datagram) {
    dtlsEvents.dtlsSendApplied();
    if (!closed) {
      sendRecord(datagram, 0, datagram.length);
    } else {
      dtlsSendsDropped++;
    }
  }

  /** A DTLS record to the selected address (at once when DTLS encrypted it on the worker). */
  void sendRecord(byte[] buf, int off, int len) {
    InetSocketAddress to = selected;
    if (dtlsState == DtlsState.CONNECTED && host.injectedLoss()) {
      return;
    }
    if (to == null || !host.send(buf, off, len, to)) {
      dtlsSendsDropped++;
    }
  }

  /** One SCTP packet posted by {@link DtlsEvents}. */
  public void applySctpPacket(byte[] packet) {
    dtlsEvents.sctpPacketApplied();
    if (closed) {
      return;
    }
    if (data == null) {
      host.count(DropReason.SCTP_NOT_ENABLED);
      return;
    }
    data.receive(packet);
  }

  public void applyDtlsConnected(SrtpKeyMaterial keys) {
    if (closed) {
      return;
    }
    srtp.keys(SrtpSetup.contexts(keys));
    dtlsState = DtlsState.CONNECTED;
    emitState();
    if (data != null) {
      data.start();
    }
  }

  private void emitState() {
    host.emit(new EngineEvent.TransportStateChanged(id, ice.state().name(), dtlsState.name()));
  }

  private final class IceEvents implements IceLiteAgent.Listener {
    @Override
    public void onIceStateChange(IceState state) {
      emitState();
    }

    @Override
    public void onSelectedAddressChange(InetSocketAddress address) {
      selected = address;
      maybeStartDtls();
    }
  }

  public Map<String, Long> stats() {
    Map<String, Long> m = new LinkedHashMap<>();
    srtp.stats(m);
    m.put("dtlsSendsDropped", dtlsSendsDropped);
    m.put("iceConnected", ice.state() == IceState.CONNECTED ? 1L : 0L);
    m.put("dtlsConnected", dtlsState == DtlsState.CONNECTED ? 1L : 0L);
    m.put("producers", (long) media.producers().size());
    m.put("consumers", (long) media.consumers().size());
    m.put("sctpQueueDropped", dtlsEvents.sctpQueueDropped());
    TransportData.stats(data, m);
    return m;
  }

  public String iceState() {
    return ice.state().name();
  }

  public String dtlsState() {
    return dtlsState.name();
  }
}
