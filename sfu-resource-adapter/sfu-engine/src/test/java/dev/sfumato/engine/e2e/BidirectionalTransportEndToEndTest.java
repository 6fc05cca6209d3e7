package dev.sfumato.engine.e2e;

import static dev.sfumato.engine.e2e.LoopbackEngine.await;
import static dev.sfumato.engine.e2e.LoopbackEngine.video;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sfumato.engine.api.DtlsRole;
import dev.sfumato.engine.api.ProducerInfo;
import dev.sfumato.engine.api.WebRtcTransportInfo;
import dev.sfumato.engine.rtcp.Pli;
import dev.sfumato.engine.rtp.RtpPacket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * LiveKit's single-peer-connection mode (signal protocol v1) publishes and subscribes on one peer
 * connection, so one WebRtcTransport must carry producers and consumers at once: here a peer
 * publishes a track, receives another peer's track and its own (echo) on the same transport, and
 * its PLI for the other peer's track reaches that peer.
 */
class BidirectionalTransportEndToEndTest {

  private static final long A_SSRC = 1111;
  private static final long B_SSRC = 2222;
  private static final long A_GETS_B = 3333;
  private static final long A_GETS_A = 4444;
  private static final long B_GETS_A = 5555;

  private LoopbackEngine sfu;

  @AfterEach
  void tearDown() throws Exception {
    if (sfu != null) {
      sfu.close();
    }
  }

  @Test
  void oneTransportProducesAndConsumesAtOnce() throws Exception {
    sfu = new LoopbackEngine();
    WebRtcTransportInfo aInfo = sfu.transport();
    WebRtcTransportInfo bInfo = sfu.transport();
    TestPeer a = sfu.connectedPeer(aInfo, DtlsRole.CLIENT);
    TestPeer b = sfu.connectedPeer(bInfo, DtlsRole.CLIENT);
    ProducerInfo fromA = await(sfu.control().produce(aInfo.id(), video("0", 96, 97, A_SSRC, 0)));
    ProducerInfo fromB = await(sfu.control().produce(bInfo.id(), video("0", 96, 97, B_SSRC, 0)));
    // a's transport: its own producer (mid 0) and two consumers (mids 1, 2) of other m-lines
    await(sfu.control().consume(aInfo.id(), fromB.id(), video("1", 100, 101, A_GETS_B, 0)));
    await(sfu.control().consume(aInfo.id(), fromA.id(), video("2", 100, 101, A_GETS_A, 0)));
    await(sfu.control().consume(bInfo.id(), fromA.id(), video("0", 100, 101, B_GETS_A, 0)));

    for (int seq = 10; seq < 13; seq++) {
      a.sendRtp(ForwardingEndToEndTest.vp8(seq, 3000L * seq, A_SSRC, seq == 10));
      b.sendRtp(ForwardingEndToEndTest.vp8(seq, 3000L * seq, B_SSRC, seq == 10));
    }
    Map<Long, Integer> atA = receive(a, 6);
    Map<Long, Integer> atB = receive(b, 3);
    assertThat(atA).containsEntry(A_GETS_B, 3).containsEntry(A_GETS_A, 3);
    assertThat(atB).containsEntry(B_GETS_A, 3);

    // a asks for a keyframe of b's track on the transport it also publishes on
    Thread.sleep(600); // past the per-producer keyframe-request interval
    b.rtcp.clear();
    byte[] pli = new byte[32];
    a.sendRtcp(pli, Pli.write(pli, 0, 77, A_GETS_B));
    assertThat(ForwardingEndToEndTest.awaitPli(b, B_SSRC)).isTrue();

    assertThat(sfu.transportStats(aInfo.id()))
        .containsEntry("producers", 1L)
        .containsEntry("consumers", 2L)
        .containsEntry("rtpIn", 3L)
        .containsEntry("rtpOut", 6L);
  }

  /** Receives {@code n} packets and counts them by SSRC. */
  private static Map<Long, Integer> receive(TestPeer peer, int n) throws Exception {
    RtpPacket view = new RtpPacket();
    Map<Long, Integer> bySsrc = new HashMap<>();
    for (int i = 0; i < n; i++) {
      byte[] got = peer.receiveRtp(5000);
      assertThat(got).as("packet %d of %d", i + 1, n).isNotNull();
      assertThat(view.wrap(got, 0, got.length)).isTrue();
      bySsrc.merge(view.ssrc(), 1, Integer::sum);
    }
    return bySsrc;
  }
}
