package dev.sfumato.engine.e2e;

import static dev.sfumato.engine.e2e.LoopbackEngine.await;
import static dev.sfumato.engine.e2e.LoopbackEngine.flows;
import static dev.sfumato.engine.e2e.LoopbackEngine.video;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sfumato.engine.api.DtlsRole;
import dev.sfumato.engine.api.ProducerInfo;
import dev.sfumato.engine.api.WebRtcTransportInfo;
import dev.sfumato.engine.rtcp.Pli;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine as DTLS client (RFC 5763 §5: the remote answered {@code a=setup:passive}), the path
 * LiveKit subscriber connections take when the server makes the offer. Both peers are DTLS servers,
 * so SRTP keys run in the engine's client direction both ways: media in on one transport, out on
 * the other, RTCP back in on the second.
 */
class DtlsClientRoleEndToEndTest {

  private static final long PUB_SSRC = 4444;
  private static final long SUB_SSRC = 5555;

  private LoopbackEngine sfu;

  @AfterEach
  void tearDown() throws Exception {
    if (sfu != null) {
      sfu.close();
    }
  }

  @Test
  void engineAsDtlsClientCompletesHandshakeAndForwardsBothWays() throws Exception {
    sfu = new LoopbackEngine();
    WebRtcTransportInfo pubInfo = sfu.transport();
    WebRtcTransportInfo subInfo = sfu.transport();
    TestPeer pub = sfu.connectedPeer(pubInfo, DtlsRole.SERVER);
    TestPeer sub = sfu.connectedPeer(subInfo, DtlsRole.SERVER);
    assertThat(pub.connected.get().localRole()).isEqualTo(dev.sfumato.engine.dtls.DtlsRole.SERVER);
    assertThat(sub.connected.get().localRole()).isEqualTo(dev.sfumato.engine.dtls.DtlsRole.SERVER);

    ProducerInfo producer =
        await(sfu.control().produce(pubInfo.id(), video("0", 96, 97, PUB_SSRC, 0)));
    await(sfu.control().consume(subInfo.id(), producer.id(), video("0", 100, 101, SUB_SSRC, 0)));
    flows(pub, sub, 7000, 5, true, PUB_SSRC, SUB_SSRC);

    // SRTCP from the subscriber is unprotected with the engine's client-role keys too
    Thread.sleep(600); // past the keyframe-request rate limit
    long rtcpIn = sfu.transportStats(subInfo.id()).get("rtcpIn");
    byte[] pli = new byte[32];
    sub.sendRtcp(pli, Pli.write(pli, 0, 77, SUB_SSRC));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (sfu.transportStats(subInfo.id()).get("rtcpIn") == rtcpIn
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(sfu.transportStats(subInfo.id()).get("rtcpIn")).isEqualTo(rtcpIn + 1);
    assertThat(sfu.drops("SRTP_AUTH_FAILED")).isZero();
    assertThat(sfu.transportStats(pubInfo.id())).containsEntry("dtlsConnected", 1L);
  }
}
