package dev.sfumato.engine.e2e;

import dev.sfumato.engine.TestExecutors;
import dev.sfumato.engine.api.IceParameters;
import dev.sfumato.engine.api.WebRtcTransportInfo;
import dev.sfumato.engine.dtls.DtlsCertificate;
import dev.sfumato.engine.dtls.DtlsConfig;
import dev.sfumato.engine.dtls.DtlsFailureReason;
import dev.sfumato.engine.dtls.DtlsFingerprint;
import dev.sfumato.engine.dtls.DtlsListener;
import dev.sfumato.engine.dtls.DtlsRole;
import dev.sfumato.engine.dtls.DtlsSession;
import dev.sfumato.engine.dtls.SrtpKeyMaterial;
import dev.sfumato.engine.rtcp.RtcpMux;
import dev.sfumato.engine.srtp.SrtpContexts;
import dev.sfumato.engine.srtp.SrtpProfile;
import dev.sfumato.engine.stun.Fingerprint;
import dev.sfumato.engine.stun.MessageIntegrity;
import dev.sfumato.engine.stun.StunMessage;
import dev.sfumato.engine.stun.StunWriter;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A minimal full-ICE, DTLS-client WebRTC peer built from the engine's own parts, over a
 * DatagramSocket: one Binding request with USE-CANDIDATE signed with the server's ice-pwd (RFC 8445
 * §7.2.2), a DTLS client session (we are {@code a=setup:active}), SRTP from its keys. Received
 * SRTP/SRTCP is queued still protected; the test thread unprotects it.
 */
final class TestPeer implements AutoCloseable {

  static final DtlsCertificate CERT = DtlsCertificate.generate();

  final DatagramSocket socket;
  final LinkedBlockingQueue<byte[]> rtp = new LinkedBlockingQueue<>();
  final LinkedBlockingQueue<byte[]> rtcp = new LinkedBlockingQueue<>();
  final LinkedBlockingQueue<byte[]> stun = new LinkedBlockingQueue<>();
  private final DtlsCertificate cert;
  final CompletableFuture<SrtpKeyMaterial> connected = new CompletableFuture<>();
  final CompletableFuture<String> failed = new CompletableFuture<>();
  private final Thread reader;
  private InetSocketAddress server;
  private volatile DtlsSession dtls; // set by the test thread, read by the reader
  SrtpContexts srtp;

  /** Where decrypted DTLS application data (SCTP packets) goes; copies, on the DTLS thread. */
  volatile java.util.function.Consumer<byte[]> applicationData = packet -> {};

  private volatile boolean closed;

  TestPeer() throws SocketException {
    this(CERT);
  }

  /** A peer presenting {@code cert} in its DTLS handshake (another one fails the fingerprint). */
  TestPeer(DtlsCertificate cert) throws SocketException {
    this.cert = cert;
    socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
    reader = new Thread(this::read, "test-peer-reader");
    reader.setDaemon(true);
    reader.start();
  }

  static dev.sfumato.engine.api.DtlsFingerprint apiFingerprint() {
    return dev.sfumato.engine.api.DtlsFingerprint.parse(CERT.sdpFingerprint());
  }

  /** ICE check with nomination, then the DTLS handshake as client; waits for SRTP keys. */
  void connect(WebRtcTransportInfo info) throws Exception {
    connect(info, DtlsRole.CLIENT);
    srtp = contexts(connected.get(10, TimeUnit.SECONDS));
  }

  /**
   * ICE check with nomination, then starts DTLS in {@code role} ({@code a=setup:active} is CLIENT,
   * {@code passive} SERVER); does not wait: see {@link #connected} and {@link #failed}.
   */
  void connect(WebRtcTransportInfo info, DtlsRole role) throws Exception {
    server =
        new InetSocketAddress(info.iceCandidates().get(0).ip(), info.iceCandidates().get(0).port());
    DtlsSession session =
        new DtlsSession(
            cert,
            DtlsConfig.defaults(),
            (buf, off, len) -> send(Arrays.copyOfRange(buf, off, off + len)),
            new Listener());
    DtlsFingerprint expected = DtlsFingerprint.parse(info.localFingerprints().get(0).toSdpValue());
    if (role == DtlsRole.SERVER) {
      // listen first: the engine's ClientHello follows our nominating check at once
      dtls = session;
      session.start(role, expected, TestExecutors.BLOCKING);
      sendBindingRequest(info.iceParameters());
    } else {
      // check first: a ClientHello before it would come from a not yet validated address
      sendBindingRequest(info.iceParameters());
      dtls = session;
      session.start(role, expected, TestExecutors.BLOCKING);
    }
  }

  /** The peer's DTLS session (for application data: SCTP). */
  DtlsSession dtls() {
    return dtls;
  }

  void sendBindingRequest(IceParameters ice) throws IOException {
    sendBindingRequest(ice, new byte[12]);
  }

  /**
   * A nominating check (RFC 8445 §7.2.2) signed with {@code ice.password()}; fills {@code tx} with
   * its random transaction id so the caller can match the answer in {@link #stun}.
   */
  void sendBindingRequest(IceParameters ice, byte[] tx) throws IOException {
    sendBindingRequest(ice, "peer", tx);
  }

  /** As above, naming {@code ourUfrag} as the sender's ufrag (USERNAME "theirs:ours"). */
  void sendBindingRequest(IceParameters ice, String ourUfrag, byte[] tx) throws IOException {
    byte[] out = new byte[200];
    new java.util.Random().nextBytes(tx);
    byte[] user = (ice.usernameFragment() + ":" + ourUfrag).getBytes(StandardCharsets.US_ASCII);
    int n =
        new StunWriter()
            .begin(out, 0, out.length, StunMessage.BINDING_REQUEST, tx, 0)
            .username(user, 0, user.length)
            .priority(0x6E7F00FF)
            .useCandidate()
            .iceControlling(42)
            .messageIntegrity(MessageIntegrity.forPassword(ice.password()))
            .fingerprint(new Fingerprint())
            .finish();
    send(Arrays.copyOf(out, n));
  }

  static SrtpContexts contexts(SrtpKeyMaterial keys) {
    int k = keys.clientKey().length;
    int s = keys.clientSalt().length;
    byte[] m = new byte[2 * (k + s)];
    System.arraycopy(keys.clientKey(), 0, m, 0, k);
    System.arraycopy(keys.serverKey(), 0, m, k, k);
    System.arraycopy(keys.clientSalt(), 0, m, 2 * k, s);
    System.arraycopy(keys.serverSalt(), 0, m, 2 * k + s, s);
    return SrtpContexts.fromDtlsKeyingMaterial(
        m, SrtpProfile.fromId(keys.profile().id()), keys.localRole() == DtlsRole.CLIENT);
  }

  /** Protects and sends plaintext RTP. */
  void sendRtp(byte[] packet) throws IOException {
    byte[] buf = Arrays.copyOf(packet, packet.length + 64);
    int n = srtp.outbound().protectRtp(buf, 0, packet.length);
    send(Arrays.copyOf(buf, n));
  }

  void sendRtcp(byte[] packet, int len) throws IOException {
    byte[] buf = Arrays.copyOf(packet, len + 64);
    int n = srtp.outbound().protectRtcp(buf, 0, len);
    send(Arrays.copyOf(buf, n));
  }

  /** Next RTP packet, decrypted; null on timeout. */
  byte[] receiveRtp(long millis) throws InterruptedException {
    byte[] p = rtp.poll(millis, TimeUnit.MILLISECONDS);
    if (p == null) {
      return null;
    }
    int n = srtp.inbound().unprotectRtp(p, 0, p.length);
    return n < 0 ? null : Arrays.copyOf(p, n);
  }

  byte[] receiveRtcp(long millis) throws InterruptedException {
    byte[] p = rtcp.poll(millis, TimeUnit.MILLISECONDS);
    if (p == null) {
      return null;
    }
    int n = srtp.inbound().unprotectRtcp(p, 0, p.length);
    return n < 0 ? new byte[0] : Arrays.copyOf(p, n);
  }

  void send(byte[] datagram) {
    try {
      socket.send(new DatagramPacket(datagram, datagram.length, server));
    } catch (IOException e) {
      // a test peer loses datagrams like any UDP peer
    }
  }

  private void read() {
    byte[] buf = new byte[2048];
    while (!closed) {
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      try {
        socket.receive(p);
      } catch (IOException e) {
        return;
      }
      int b = buf[0] & 0xFF;
      byte[] copy = Arrays.copyOf(buf, p.getLength());
      if (b >= 20 && b <= 63 && dtls != null) {
        dtls.offer(copy, 0, copy.length);
      } else if (b <= 3) {
        stun.add(copy);
      } else if (b >= 128 && b <= 191) {
        (RtcpMux.isRtcp(copy, 0, copy.length) ? rtcp : rtp).add(copy);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    if (dtls != null) {
      dtls.close();
    }
    socket.close();
  }

  private final class Listener implements DtlsListener {
    @Override
    public void onConnected(SrtpKeyMaterial keys) {
      connected.complete(keys);
    }

    @Override
    public void onApplicationData(byte[] buf, int off, int len) {
      applicationData.accept(Arrays.copyOfRange(buf, off, off + len));
    }

    @Override
    public void onFailed(DtlsFailureReason reason, String detail) {
      // connected first: a test that saw failed complete may then check connected
      connected.completeExceptionally(new IOException("dtls failed: " + reason + " " + detail));
      failed.complete(reason + " " + detail);
    }

    @Override
    public void onClosed() {
      failed.complete("closed");
    }
  }
}
