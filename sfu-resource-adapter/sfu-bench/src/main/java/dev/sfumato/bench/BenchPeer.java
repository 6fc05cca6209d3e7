package dev.sfumato.bench;

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
import dev.sfumato.engine.srtp.SrtpContexts;
import dev.sfumato.engine.srtp.SrtpProfile;
import dev.sfumato.engine.stun.Fingerprint;
import dev.sfumato.engine.stun.MessageIntegrity;
import dev.sfumato.engine.stun.StunMessage;
import dev.sfumato.engine.stun.StunWriter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A minimal WebRTC client made of the engine's own parts (as the engine's e2e TestPeer, which lives
 * in test sources): full ICE controlling side with one nominating Binding request (RFC 8445
 * §7.2.2), DTLS client ({@code a=setup:active}), SRTP from the exported keys (RFC 5764 §4.2). Its
 * socket is non-blocking and read by the shared {@link PeerReceiver}, so a thousand peers need one
 * reading thread, not a thousand.
 */
final class BenchPeer implements AutoCloseable {

  static final DtlsCertificate CERT = DtlsCertificate.generate();

  final int index;
  final DatagramChannel channel;
  final InetSocketAddress local;
  final CompletableFuture<SrtpKeyMaterial> connected = new CompletableFuture<>();
  private InetSocketAddress server;
  private IceParameters serverIce;
  volatile DtlsSession dtls;
  volatile SrtpContexts srtp;

  /** The SSRC the engine sends to this peer with (its consumer's), 0 for the publisher. */
  volatile long expectedSsrc;

  BenchPeer(int index) throws IOException {
    this.index = index;
    channel = DatagramChannel.open();
    channel.bind(new InetSocketAddress("127.0.0.1", 0));
    channel.configureBlocking(false);
    local = (InetSocketAddress) channel.getLocalAddress();
  }

  static dev.sfumato.engine.api.DtlsFingerprint apiFingerprint() {
    return dev.sfumato.engine.api.DtlsFingerprint.parse(CERT.sdpFingerprint());
  }

  /** ICE check with nomination, then the DTLS client handshake; {@link #connected} completes. */
  void start(WebRtcTransportInfo info, DtlsConfig config, Executor handshakes) {
    server =
        new InetSocketAddress(info.iceCandidates().get(0).ip(), info.iceCandidates().get(0).port());
    serverIce = info.iceParameters();
    refreshConsent();
    DtlsSession session =
        new DtlsSession(CERT, config, (buf, off, len) -> send(buf, off, len), new Listener());
    dtls = session;
    DtlsFingerprint expected = DtlsFingerprint.parse(info.localFingerprints().get(0).toSdpValue());
    session.start(DtlsRole.CLIENT, expected, handshakes);
  }

  InetSocketAddress server() {
    return server;
  }

  /** A nominating Binding request: selects the address and renews consent (RFC 7675 §5.1). */
  void refreshConsent() {
    byte[] out = new byte[200];
    byte[] tx = new byte[12];
    ThreadLocalRandom.current().nextBytes(tx);
    byte[] user = (serverIce.usernameFragment() + ":peer").getBytes(StandardCharsets.US_ASCII);
    int n =
        new StunWriter()
            .begin(out, 0, out.length, StunMessage.BINDING_REQUEST, tx, 0)
            .username(user, 0, user.length)
            .priority(0x6E7F00FF)
            .useCandidate()
            .iceControlling(42 + index)
            .messageIntegrity(MessageIntegrity.forPassword(serverIce.password()))
            .fingerprint(new Fingerprint())
            .finish();
    send(out, 0, n);
  }

  /** A datagram to the engine; allocation is fine here, this is not the measured thread. */
  boolean send(byte[] buf, int off, int len) {
    try {
      return channel.send(ByteBuffer.wrap(buf, off, len), server) > 0;
    } catch (IOException e) {
      return false; // UDP loses datagrams; DTLS retransmits
    }
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

  @Override
  public void close() {
    DtlsSession d = dtls;
    if (d != null) {
      d.close();
    }
    try {
      channel.close();
    } catch (IOException e) {
      // closing a bench socket: nothing to do
    }
  }

  private final class Listener implements DtlsListener {
    @Override
    public void onConnected(SrtpKeyMaterial keys) {
      srtp = contexts(keys);
      connected.complete(keys);
    }

    @Override
    public void onApplicationData(byte[] buf, int off, int len) {}

    @Override
    public void onFailed(DtlsFailureReason reason, String detail) {
      connected.completeExceptionally(new IOException("dtls failed: " + reason + " " + detail));
    }

    @Override
    public void onClosed() {
      connected.completeExceptionally(new IOException("dtls closed"));
    }
  }
}
