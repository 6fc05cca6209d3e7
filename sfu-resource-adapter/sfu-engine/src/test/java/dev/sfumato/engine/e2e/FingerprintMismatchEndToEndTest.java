package dev.sfumato.engine.e2e;

import static dev.sfumato.engine.e2e.LoopbackEngine.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sfumato.engine.api.DtlsParameters;
import dev.sfumato.engine.api.DtlsRole;
import dev.sfumato.engine.api.EngineEvent;
import dev.sfumato.engine.api.EngineException;
import dev.sfumato.engine.api.WebRtcTransportInfo;
import dev.sfumato.engine.dtls.DtlsCertificate;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A peer whose certificate is not the one the SDP fingerprint names (RFC 8122 §5, RFC 8827 §6.5)
 * must never get SRTP through: the transport closes with a DTLS failure reason, later datagrams
 * from the peer are counted drops, and the transport id is gone. Both engine roles are checked.
 */
class FingerprintMismatchEndToEndTest {

  private static final DtlsCertificate IMPOSTOR = DtlsCertificate.generate();

  private LoopbackEngine sfu;

  @AfterEach
  void tearDown() throws Exception {
    if (sfu != null) {
      sfu.close();
    }
  }

  /**
   * @param remote the remote role given to connect: CLIENT makes the engine the DTLS server (it
   *     checks the client certificate), SERVER makes it the client (it checks the server's)
   */
  @ParameterizedTest
  @EnumSource(
      value = DtlsRole.class,
      names = {"CLIENT", "SERVER"})
  void mismatchClosesTransportAndNoSrtpGetsThrough(DtlsRole remote) throws Exception {
    sfu = new LoopbackEngine();
    WebRtcTransportInfo info = sfu.transport();
    await(
        sfu.control()
            .connectWebRtcTransport(
                info.id(), null, new DtlsParameters(remote, List.of(TestPeer.apiFingerprint()))));
    TestPeer peer = sfu.peer(new TestPeer(IMPOSTOR));
    peer.connect(
        info,
        remote == DtlsRole.SERVER
            ? dev.sfumato.engine.dtls.DtlsRole.SERVER
            : dev.sfumato.engine.dtls.DtlsRole.CLIENT);

    EngineEvent.TransportClosed closed =
        (EngineEvent.TransportClosed)
            sfu.awaitEvent(
                e ->
                    e instanceof EngineEvent.TransportClosed c
                        && c.transportId().equals(info.id()));
    assertThat(closed.reason()).contains("dtls failed").contains("FINGERPRINT_MISMATCH");
    assertThat(sfu.events)
        .noneMatch(
            e ->
                e instanceof EngineEvent.TransportStateChanged s
                    && s.transportId().equals(info.id())
                    && s.dtls().equals("CONNECTED"));
    // the engine told the peer why (RFC 5246 §7.2.2 bad_certificate); the peer got no keys
    assertThat(peer.failed.get(10, TimeUnit.SECONDS)).contains("bad_certificate");
    assertThat(peer.connected).isCompletedExceptionally();

    // SRTP-shaped datagrams from the peer's (formerly validated) address: no transport takes them
    long noTransport = sfu.drops("NO_TRANSPORT");
    for (int i = 0; i < 3; i++) {
      byte[] rtp = ForwardingEndToEndTest.vp8(i, i, 1234, true);
      byte[] fakeSrtp = java.util.Arrays.copyOf(rtp, rtp.length + 16); // an auth tag's room
      peer.send(fakeSrtp);
    }
    // at least: late DTLS records of the failed handshake from that address count here too
    assertThat(sfu.awaitDrops("NO_TRANSPORT", noTransport + 3))
        .isGreaterThanOrEqualTo(noTransport + 3);
    for (String taken : List.of("SRTP_NOT_READY", "SRTP_AUTH_FAILED", "SRTP_REJECTED")) {
      assertThat(sfu.drops(taken)).as("no transport looked at the SRTP: %s", taken).isZero();
    }

    assertThatThrownBy(() -> await(sfu.control().closeTransport(info.id())))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(EngineException.class)
        .extracting(c -> ((EngineException) c).code())
        .isEqualTo(EngineException.Code.NOT_FOUND);
    assertThat(await(sfu.control().dump()).workers().get(0).transports()).isZero();
  }
}
