package dev.sfumato.engine.worker;

import dev.sfumato.engine.api.DtlsFingerprint;
import dev.sfumato.engine.api.EngineEvent;
import dev.sfumato.engine.api.EngineException;
import dev.sfumato.engine.api.IceCandidate;
import dev.sfumato.engine.api.IceParameters;
import dev.sfumato.engine.api.RouterId;
import dev.sfumato.engine.api.StatsReport;
import dev.sfumato.engine.api.TransportId;
import dev.sfumato.engine.api.WebRtcTransportInfo;
import dev.sfumato.engine.dtls.DtlsCertificate;
import dev.sfumato.engine.dtls.SrtpKeyMaterial;
import dev.sfumato.engine.forward.ForwardBuffers;
import dev.sfumato.engine.ice.IceCredentials;
import dev.sfumato.engine.ice.UfragIndex;
import dev.sfumato.engine.net.Demultiplexer;
import dev.sfumato.engine.net.UdpEndpoint;
import dev.sfumato.engine.stats.DropCounters;
import dev.sfumato.engine.stats.DropReason;
import dev.sfumato.engine.stun.StunMessage;
import dev.sfumato.engine.transport.TransportHost;
import dev.sfumato.engine.transport.WebRtcTransport;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The WebRTC transports of one worker: the RFC 7983 demultiplexer's handler (STUN by ufrag, DTLS
 * and SRTP by validated source address), the transport commands, and the host each transport talks
 * to. Confined to the worker thread except the {@code post*} methods.
 *
 * <p>Addresses: each address that passes an authenticated check is mapped to its transport. A
 * lookup also asks the transport whether the address still has consent (RFC 7675), so a stale entry
 * drops its datagrams and is removed. The map holds at most 8 addresses per transport (the ICE
 * agent's cap) plus stale ones until their next datagram or the transport's close.
 */
final class TransportTable implements Demultiplexer.Handler, TransportHost {

  /** Host candidate priority (RFC 8445 §5.1.2.1): type 126, local 65535, component 1. */
  static final long HOST_PRIORITY = (126L << 24) | (65535L << 8) | 255;

  private final MediaWorker worker;
  private final UdpEndpoint endpoint;
  private final DropCounters drops;
  private final EventSink events;
  private final RouterDirectory directory;
  private final EngineResources resources;
  private final RouterTable routers;
  private final ForwardBuffers buffers = new ForwardBuffers();
  private final StunMessage stun = new StunMessage();
  private final byte[] stunOut = new byte[UdpEndpoint.MAX_DATAGRAM_BYTES];
  private final UfragIndex<WebRtcTransport> ufrags = new UfragIndex<>();
  private final HashMap<InetSocketAddress, WebRtcTransport> addresses = new HashMap<>();
  private final Map<TransportId, WebRtcTransport> transports = new HashMap<>();
  private final Map<WebRtcTransport, List<InetSocketAddress>> addressesOf = new HashMap<>();
  private final LossInjector loss;
  private ForwardTable forward;
  private DataTable data;

  TransportTable(
      MediaWorker worker,
      UdpEndpoint endpoint,
      DropCounters drops,
      EventSink events,
      RouterDirectory directory,
      EngineResources resources,
      RouterTable routers) {
    this.worker = worker;
    this.endpoint = endpoint;
    this.drops = drops;
    this.events = events;
    this.directory = directory;
    this.resources = resources;
    this.routers = routers;
    this.loss = new LossInjector(drops, resources.random().nextLong());
  }

  void setForward(ForwardTable forward, DataTable data) {
    this.forward = forward;
    this.data = data;
  }

  WebRtcTransport get(TransportId id) {
    return transports.get(id);
  }

  int size() {
    return transports.size();
  }

  // ---- demultiplexer handler (media path) ----

  @Override
  public void onStun(byte[] data, int offset, int length, InetSocketAddress source) {
    if (!stun.wrap(data, offset, length)) {
      drops.count(DropReason.STUN_MALFORMED);
      return;
    }
    WebRtcTransport t = ufrags.find(stun);
    if (t == null) {
      drops.count(DropReason.STUN_UNKNOWN_USERNAME);
      return;
    }
    int n = t.handleStun(stun, source, System.nanoTime(), stunOut);
    if (n > 0) {
      endpoint.send(stunOut, 0, n, source);
    } else {
      drops.count(DropReason.STUN_REJECTED);
    }
  }

  @Override
  public void onDtls(byte[] data, int offset, int length, InetSocketAddress source) {
    WebRtcTransport t = validated(source);
    if (t != null) {
      t.handleDtls(data, offset, length);
    }
  }

  @Override
  public void onSrtp(byte[] data, int offset, int length, InetSocketAddress source) {
    WebRtcTransport t = validated(source);
    if (t != null) {
      t.handleSrtp(data, offset, length, System.nanoTime());
    }
  }

  private WebRtcTransport validated(InetSocketAddress source) {
    WebRtcTransport t = addresses.get(source);
    if (t == null) {
      drops.count(DropReason.NO_TRANSPORT);
      return null;
    }
    if (!t.isValidated(source)) {
      addresses.remove(source); // consent expired (RFC 7675 §5.1)
      drops.count(DropReason.NOT_VALIDATED_SOURCE);
      return null;
    }
    return t;
  }

  // ---- transport host ----

  @Override
  public boolean send(byte[] buf, int off, int len, InetSocketAddress to) {
    return endpoint.send(buf, off, len, to);
  }

  @Override
  public void count(DropReason reason) {
    drops.count(reason);
  }

  @Override
  public ForwardBuffers buffers() {
    return buffers;
  }

  @Override
  public DtlsCertificate certificate() {
    return resources.certificate();
  }

  @Override
  public Executor blockingExecutor() {
    return resources.blockingExecutor();
  }

  @Override
  public void emit(EngineEvent event) {
    events.emit(event);
  }

  @Override
  public boolean onWorkerThread() {
    return worker.isOwnerThread();
  }

  @Override
  public Runnable schedule(long delayNanos, Runnable task) {
    return worker.timers().schedule(delayNanos, task)::cancel;
  }

  @Override
  public boolean injectedLoss() {
    return loss.drop();
  }

  @Override
  public void addressValidated(WebRtcTransport transport, InetSocketAddress from) {
    if (addresses.get(from) == transport) {
      return;
    }
    addresses.put(from, transport);
    List<InetSocketAddress> own = addressesOf.computeIfAbsent(transport, k -> new ArrayList<>());
    own.removeIf(a -> !transport.isValidated(a) && addresses.remove(a, transport));
    own.add(from);
  }

  @Override
  public void postDtlsSend(WebRtcTransport transport, byte[] datagram) {
    worker.submit(new Command.TransportDtlsSend(transport, datagram));
  }

  @Override
  public void postDtlsConnected(WebRtcTransport transport, SrtpKeyMaterial keys) {
    worker.submit(new Command.TransportDtlsConnected(transport, keys));
  }

  @Override
  public void postSctpPacket(WebRtcTransport transport, byte[] packet) {
    worker.submit(new Command.TransportSctpPacket(transport, packet));
  }

  @Override
  public void postDtlsEnded(WebRtcTransport transport, String reason) {
    worker.submit(new Command.TransportDtlsEnded(transport, reason));
  }

  // ---- commands ----

  void create(Command.TransportCreate c) {
    if (!routers.contains(c.router())) {
      c.fail(notFound("router " + c.router()));
      return;
    }
    if (!directory.register(c.id(), worker)) {
      c.fail(new EngineException(EngineException.Code.INTERNAL, "duplicate transport " + c.id()));
      return;
    }
    WebRtcTransport t =
        new WebRtcTransport(c.id(), c.router(), this, resources.random(), resources.dtlsConfig());
    transports.put(c.id(), t);
    ufrags.put(t.localIce().ufrag(), t);
    IceCandidate host =
        new IceCandidate(
            "sfumato" + worker.id(),
            HOST_PRIORITY,
            resources.announcedAddress().getHostAddress(),
            endpoint.localAddress().getPort());
    c.reply()
        .complete(
            new WebRtcTransportInfo(
                c.id(),
                c.router(),
                iceParameters(t.localIce()),
                List.of(host),
                List.of(DtlsFingerprint.parse(resources.certificate().sdpFingerprint()))));
  }

  void connect(Command.TransportConnect c) {
    WebRtcTransport t = find(c, c.id());
    if (t == null) {
      return;
    }
    if (c.remoteDtls() == null) {
      c.fail(invalid("remote DTLS parameters are required"));
      return;
    }
    try {
      t.connect(c.remoteIce(), c.remoteDtls());
    } catch (IllegalArgumentException e) {
      c.fail(invalid(e.getMessage()));
      return;
    }
    c.reply().complete(null);
  }

  void restartIce(Command.TransportRestartIce c) {
    WebRtcTransport t = find(c, c.id());
    if (t != null) {
      IceCredentials remote =
          c.remoteIce() == null
              ? null
              : new IceCredentials(c.remoteIce().usernameFragment(), c.remoteIce().password());
      ufrags.remove(t.localIce().ufrag());
      IceCredentials fresh = t.restartIce(remote);
      ufrags.put(fresh.ufrag(), t);
      c.reply().complete(iceParameters(fresh));
    }
  }

  void close(Command.TransportClose c) {
    WebRtcTransport t = find(c, c.id());
    if (t != null) {
      close(t, "closed by call");
      c.reply().complete(null);
    }
  }

  void stats(Command.TransportGetStats c) {
    WebRtcTransport t = find(c, c.id());
    if (t != null) {
      c.reply().complete(new StatsReport(t.id().value(), "transport", t.stats()));
    }
  }

  void dtlsSend(Command.TransportDtlsSend c) {
    c.transport().applyDtlsSend(c.datagram());
  }

  void sctpPacket(Command.TransportSctpPacket c) {
    c.transport().applySctpPacket(c.packet());
  }

  void injectLoss(Command.WorkerInjectLoss c) {
    loss.set(c.percent());
    c.reply().complete(null);
  }

  void dtlsConnected(Command.TransportDtlsConnected c) {
    c.transport().applyDtlsConnected(c.keys());
  }

  void dtlsEnded(Command.TransportDtlsEnded c) {
    if (!c.transport().isClosed()) {
      close(c.transport(), c.reason());
    }
  }

  /** Closes a transport with its producers (and their consumers) and consumers, then says so. */
  void close(WebRtcTransport t, String reason) {
    if (transports.remove(t.id()) == null) {
      return;
    }
    forward.closeAllOf(t);
    data.closeAllOf(t);
    t.close();
    ufrags.remove(t.localIce().ufrag());
    List<InetSocketAddress> own = addressesOf.remove(t);
    if (own != null) {
      own.forEach(a -> addresses.remove(a, t));
    }
    directory.unregister(t.id());
    events.emit(new EngineEvent.TransportClosed(t.id(), reason));
  }

  /** The router is closing: its transports go first. */
  void closeRouter(RouterId router) {
    for (WebRtcTransport t : new ArrayList<>(transports.values())) {
      if (t.routerId().equals(router)) {
        close(t, "router closed");
      }
    }
  }

  /** Every second or so: consent expiry and RTCP reports of every transport. */
  void tick() {
    long now = System.nanoTime();
    long wall = System.currentTimeMillis();
    for (WebRtcTransport t : new ArrayList<>(transports.values())) {
      t.tick(now, wall);
    }
  }

  private WebRtcTransport find(Command c, TransportId id) {
    WebRtcTransport t = transports.get(id);
    if (t == null) {
      c.fail(notFound("transport " + id));
    }
    return t;
  }

  private static IceParameters iceParameters(IceCredentials credentials) {
    return new IceParameters(credentials.ufrag(), credentials.pwd());
  }

  static EngineException notFound(String what) {
    return new EngineException(EngineException.Code.NOT_FOUND, "no " + what);
  }

  static EngineException invalid(String message) {
    return new EngineException(EngineException.Code.INVALID_ARGUMENT, message);
  }
}
