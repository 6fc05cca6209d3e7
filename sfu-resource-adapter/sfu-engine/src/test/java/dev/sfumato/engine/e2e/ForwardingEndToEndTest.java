package dev.sfumato.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sfumato.engine.Engine;
import dev.sfumato.engine.EngineConfig;
import dev.sfumato.engine.TestExecutors;
import dev.sfumato.engine.ThreadLauncher;
import dev.sfumato.engine.api.ConsumerInfo;
import dev.sfumato.engine.api.DtlsParameters;
import dev.sfumato.engine.api.DtlsRole;
import dev.sfumato.engine.api.EngineEvent;
import dev.sfumato.engine.api.ProducerInfo;
import dev.sfumato.engine.api.RouterInfo;
import dev.sfumato.engine.api.RtcpFeedback;
import dev.sfumato.engine.api.RtpCodecParameters;
import dev.sfumato.engine.api.RtpEncodingParameters;
import dev.sfumato.engine.api.RtpParameters;
import dev.sfumato.engine.api.WebRtcTransportInfo;
import dev.sfumato.engine.rtcp.Nack;
import dev.sfumato.engine.rtcp.Pli;
import dev.sfumato.engine.rtcp.RtcpCompound;
import dev.sfumato.engine.rtcp.RtcpHeader;
import dev.sfumato.engine.rtp.RtpPacket;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One engine on loopback and two peers built from the engine's own STUN, DTLS and SRTP: a publisher
 * and a subscriber. Exercises ICE-lite, DTLS-SRTP, forwarding with SSRC/PT/sequence rewriting, NACK
 * → RTX, PLI relay, close cascade and counted drops, with no application server.
 */
class ForwardingEndToEndTest {

  private static final long PUB_SSRC = 1111;
  private static final long SUB_SSRC = 2222;
  private static final long SUB_RTX_SSRC = 3333;

  private final BlockingQueue<EngineEvent> events = new LinkedBlockingQueue<>();
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private Engine engine;

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
    if (engine != null) {
      engine.close();
    }
  }

  private static RtpParameters video(String mid, int pt, int rtxPt, long ssrc, long rtxSsrc) {
    List<RtcpFeedback> fb = List.of(new RtcpFeedback("nack", ""), new RtcpFeedback("nack", "pli"));
    return new RtpParameters(
        mid,
        List.of(
            new RtpCodecParameters("video/VP8", pt, 90_000, 0, Map.of(), fb),
            new RtpCodecParameters(
                "video/rtx", rtxPt, 90_000, 0, Map.of("apt", String.valueOf(pt)), List.of())),
        List.of(),
        List.of(new RtpEncodingParameters(ssrc, "", rtxSsrc)),
        "cname",
        true);
  }

  /** A VP8 packet: 1-byte descriptor (S=1), then a keyframe header (RFC 6386 §9.1) or not. */
  static byte[] vp8(int seq, long ts, long ssrc, boolean keyframe) {
    byte[] p = new byte[12 + 20];
    p[0] = (byte) 0x80;
    p[1] = 96;
    p[2] = (byte) (seq >> 8);
    p[3] = (byte) seq;
    p[4] = (byte) (ts >> 24);
    p[5] = (byte) (ts >> 16);
    p[6] = (byte) (ts >> 8);
    p[7] = (byte) ts;
    p[8] = (byte) (ssrc >> 24);
    p[9] = (byte) (ssrc >> 16);
    p[10] = (byte) (ssrc >> 8);
    p[11] = (byte) ssrc;
    p[12] = 0x10;
    p[13] = (byte) (keyframe ? 0x00 : 0x01);
    p[16] = (byte) 0x9D;
    p[17] = 0x01;
    p[18] = 0x2A;
    p[31] = (byte) seq; // a payload byte to recognise the packet by
    return p;
  }

  private TestPeer connectedPeer(WebRtcTransportInfo info) throws Exception {
    TestPeer peer = new TestPeer();
    closeables.add(peer);
    engine
        .control()
        .connectWebRtcTransport(
            info.id(),
            null,
            new DtlsParameters(DtlsRole.CLIENT, List.of(TestPeer.apiFingerprint())))
        .toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
    peer.connect(info);
    awaitEvent(
        e ->
            e instanceof EngineEvent.TransportStateChanged s
                && s.transportId().equals(info.id())
                && s.dtls().equals("CONNECTED"));
    return peer;
  }

  private EngineEvent awaitEvent(java.util.function.Predicate<EngineEvent> match)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      EngineEvent e = events.poll(100, TimeUnit.MILLISECONDS);
      if (e != null && match.test(e)) {
        return e;
      }
    }
    throw new AssertionError("event not seen");
  }

  @Test
  void publisherToSubscriberWithRewritingNackRtxPliAndCloseCascade() throws Exception {
    EngineConfig config = new EngineConfig(1, EngineConfig.loopback(), 0, EngineConfig.loopback());
    engine = new Engine(config, new ThreadLauncher(), TestExecutors.BLOCKING, events::add);
    engine.start();
    RouterInfo router = engine.control().createRouter().toCompletableFuture().get();
    WebRtcTransportInfo pubInfo =
        engine.control().createWebRtcTransport(router.id()).toCompletableFuture().get();
    WebRtcTransportInfo subInfo =
        engine.control().createWebRtcTransport(router.id()).toCompletableFuture().get();
    TestPeer pub = connectedPeer(pubInfo);
    TestPeer sub = connectedPeer(subInfo);

    ProducerInfo producer =
        engine
            .control()
            .produce(pubInfo.id(), video("0", 96, 97, PUB_SSRC, 0))
            .toCompletableFuture()
            .get(5, TimeUnit.SECONDS);
    ConsumerInfo consumer =
        engine
            .control()
            .consume(subInfo.id(), producer.id(), video("0", 100, 101, SUB_SSRC, SUB_RTX_SSRC))
            .toCompletableFuture()
            .get(5, TimeUnit.SECONDS);

    // a delta frame first: the consumer waits for the keyframe, so it is not forwarded
    pub.sendRtp(vp8(4999, 9000, PUB_SSRC, false));
    for (int i = 0; i < 5; i++) {
      pub.sendRtp(vp8(5000 + i, 10_000 + 3000L * (i / 2), PUB_SSRC, i == 0));
    }
    RtpPacket view = new RtpPacket();
    int firstSeq = -1;
    for (int i = 0; i < 5; i++) {
      byte[] got = sub.receiveRtp(5000);
      assertThat(got).as("forwarded packet %d", i).isNotNull();
      assertThat(view.wrap(got, 0, got.length)).isTrue();
      assertThat(view.ssrc()).isEqualTo(SUB_SSRC);
      assertThat(view.payloadType()).isEqualTo(100);
      if (i == 0) {
        firstSeq = view.sequenceNumber();
        assertThat(got[31]).isEqualTo((byte) 5000); // the keyframe, not the delta before it
      } else {
        assertThat(view.sequenceNumber()).isEqualTo((firstSeq + i) & 0xFFFF);
      }
    }

    // NACK for the third packet from the subscriber → an RTX packet (RFC 4588) with its OSN
    byte[] nack = new byte[64];
    int n = Nack.write(nack, 0, 77, SUB_SSRC, new int[] {(firstSeq + 2) & 0xFFFF}, 1);
    sub.sendRtcp(nack, n);
    byte[] rtx = sub.receiveRtp(5000);
    assertThat(rtx).isNotNull();
    assertThat(view.wrap(rtx, 0, rtx.length)).isTrue();
    assertThat(view.ssrc()).isEqualTo(SUB_RTX_SSRC);
    assertThat(view.payloadType()).isEqualTo(101);
    int osn = ((rtx[view.payloadOffset()] & 0xFF) << 8) | (rtx[view.payloadOffset() + 1] & 0xFF);
    assertThat(osn).isEqualTo((firstSeq + 2) & 0xFFFF);

    // PLI from the subscriber reaches the publisher as a PLI for its SSRC (after the rate limit)
    Thread.sleep(600);
    pub.rtcp.clear();
    byte[] pli = new byte[32];
    sub.sendRtcp(pli, Pli.write(pli, 0, 77, SUB_SSRC));
    assertThat(awaitPli(pub, PUB_SSRC)).isTrue();

    engine.control().closeProducer(producer.id()).toCompletableFuture().get(5, TimeUnit.SECONDS);
    EngineEvent closed =
        awaitEvent(
            e -> e instanceof EngineEvent.ConsumerClosed c && c.consumerId().equals(consumer.id()));
    assertThat(((EngineEvent.ConsumerClosed) closed).reason()).isEqualTo("producer closed");
  }

  static boolean awaitPli(TestPeer pub, long mediaSsrc) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    RtcpCompound walk = new RtcpCompound();
    while (System.nanoTime() < deadline) {
      byte[] p = pub.receiveRtcp(200);
      if (p == null || p.length == 0) {
        continue;
      }
      walk.wrap(p, 0, p.length);
      while (walk.next()) {
        if (walk.packetType() == RtcpHeader.PSFB
            && walk.count() == dev.sfumato.engine.rtcp.RtcpFeedback.FMT_PLI
            && Pli.mediaSsrc(p, walk.packetOffset()) == mediaSsrc) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void badDatagramsAreCountedDrops() throws Exception {
    EngineConfig config = new EngineConfig(1, EngineConfig.loopback(), 0, EngineConfig.loopback());
    engine = new Engine(config, new ThreadLauncher(), TestExecutors.BLOCKING, events::add);
    engine.start();
    InetSocketAddress port = engine.localAddresses().get(0);
    try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      s.send(new DatagramPacket(new byte[] {(byte) 0xFF, 1, 2}, 3, port)); // no RFC 7983 class
      s.send(new DatagramPacket(vp8(1, 1, 1, true), 32, port)); // RTP from an unknown address
      byte[] dtls = new byte[40];
      dtls[0] = 22;
      s.send(new DatagramPacket(dtls, 40, port)); // DTLS from an unknown address
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    Map<String, Long> drops = Map.of();
    while (System.nanoTime() < deadline) {
      drops = engine.control().dump().toCompletableFuture().get().workers().get(0).drops();
      if (drops.get("NO_TRANSPORT") == 2L) {
        break;
      }
      Thread.sleep(20);
    }
    assertThat(drops).containsEntry("UNKNOWN_PROTOCOL", 1L).containsEntry("NO_TRANSPORT", 2L);
  }
}
