package dev.sfumato.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sfumato.engine.Engine;
import dev.sfumato.engine.EngineConfig;
import dev.sfumato.engine.TestExecutors;
import dev.sfumato.engine.ThreadLauncher;
import dev.sfumato.engine.api.DtlsParameters;
import dev.sfumato.engine.api.DtlsRole;
import dev.sfumato.engine.api.EngineControl;
import dev.sfumato.engine.api.EngineEvent;
import dev.sfumato.engine.api.RouterInfo;
import dev.sfumato.engine.api.RtcpFeedback;
import dev.sfumato.engine.api.RtpCodecParameters;
import dev.sfumato.engine.api.RtpEncodingParameters;
import dev.sfumato.engine.api.RtpHeaderExtensionParameters;
import dev.sfumato.engine.api.RtpParameters;
import dev.sfumato.engine.api.TransportId;
import dev.sfumato.engine.api.WebRtcTransportInfo;
import dev.sfumato.engine.rtp.HeaderExtensionIds;
import dev.sfumato.engine.rtp.RtpPacket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One started single-worker engine on loopback with its event queue and the peers a test made; the
 * shared set-up of the end-to-end tests that need more than {@link ForwardingEndToEndTest}'s.
 */
final class LoopbackEngine implements AutoCloseable {

  final BlockingQueue<EngineEvent> events = new LinkedBlockingQueue<>();
  final Engine engine;
  final RouterInfo router;
  private final List<AutoCloseable> closeables = new ArrayList<>();

  LoopbackEngine() throws Exception {
    this(new EngineConfig(1, EngineConfig.loopback(), 0, EngineConfig.loopback()));
  }

  LoopbackEngine(EngineConfig config) throws Exception {
    engine = new Engine(config, new ThreadLauncher(), TestExecutors.BLOCKING, events::add);
    engine.start();
    router = await(control().createRouter());
  }

  EngineControl control() {
    return engine.control();
  }

  static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  WebRtcTransportInfo transport() throws Exception {
    return await(control().createWebRtcTransport(router.id()));
  }

  /**
   * A peer with {@link TestPeer#CERT}, ICE and DTLS done; the engine's DTLS role from {@code
   * remote}.
   */
  TestPeer connectedPeer(WebRtcTransportInfo info, DtlsRole remote) throws Exception {
    TestPeer peer = peer(new TestPeer());
    await(
        control()
            .connectWebRtcTransport(
                info.id(), null, new DtlsParameters(remote, List.of(TestPeer.apiFingerprint()))));
    // the peer takes the role the remote SDP claimed for it (a=setup:passive is SERVER)
    peer.connect(
        info,
        remote == DtlsRole.SERVER
            ? dev.sfumato.engine.dtls.DtlsRole.SERVER
            : dev.sfumato.engine.dtls.DtlsRole.CLIENT);
    peer.srtp = TestPeer.contexts(peer.connected.get(10, TimeUnit.SECONDS));
    awaitEvent(
        e ->
            e instanceof EngineEvent.TransportStateChanged s
                && s.transportId().equals(info.id())
                && s.dtls().equals("CONNECTED"));
    return peer;
  }

  TestPeer peer(TestPeer peer) {
    closeables.add(peer);
    return peer;
  }

  EngineEvent awaitEvent(Predicate<EngineEvent> match) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      EngineEvent e = events.poll(100, TimeUnit.MILLISECONDS);
      if (e != null && match.test(e)) {
        return e;
      }
    }
    throw new AssertionError("event not seen");
  }

  /** The worker's drop counter for {@code reason}, 0 if never counted. */
  long drops(String reason) throws Exception {
    return await(control().dump()).workers().get(0).drops().getOrDefault(reason, 0L);
  }

  /** Polls until the drop counter reaches {@code atLeast} (datagrams race the dump command). */
  long awaitDrops(String reason, long atLeast) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    long n = drops(reason);
    while (n < atLeast && System.nanoTime() < deadline) {
      Thread.sleep(20);
      n = drops(reason);
    }
    return n;
  }

  Map<String, Long> transportStats(TransportId id) throws Exception {
    return await(control().transportStats(id)).counters();
  }

  /** VP8 with NACK and PLI feedback and RTX, as ForwardingEndToEndTest negotiates it. */
  static RtpParameters video(String mid, int pt, int rtxPt, long ssrc, long rtxSsrc) {
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

  /** Opus, with the RFC 6464 audio-level extension at {@code levelExtId} unless that is 0. */
  static RtpParameters audio(String mid, int pt, long ssrc, int levelExtId) {
    return new RtpParameters(
        mid,
        List.of(new RtpCodecParameters("audio/opus", pt, 48_000, 2, Map.of(), List.of())),
        levelExtId == 0
            ? List.of()
            : List.of(new RtpHeaderExtensionParameters(HeaderExtensionIds.AUDIO_LEVEL, levelExtId)),
        List.of(new RtpEncodingParameters(ssrc, "", 0)),
        "cname",
        true);
  }

  /**
   * Sends {@code count} VP8 packets from {@code pub} (the first a keyframe if {@code keyframe}) and
   * checks {@code sub} receives each, in order, under {@code subSsrc}, with the marker payload
   * byte.
   */
  static void flows(
      TestPeer pub,
      TestPeer sub,
      int firstSeq,
      int count,
      boolean keyframe,
      long pubSsrc,
      long subSsrc)
      throws Exception {
    RtpPacket view = new RtpPacket();
    for (int i = 0; i < count; i++) {
      int seq = firstSeq + i;
      pub.sendRtp(ForwardingEndToEndTest.vp8(seq, 3000L * seq, pubSsrc, keyframe && i == 0));
      byte[] got = sub.receiveRtp(5000);
      assertThat(got).as("packet %d forwarded", seq).isNotNull();
      assertThat(view.wrap(got, 0, got.length)).isTrue();
      assertThat(view.ssrc()).isEqualTo(subSsrc);
      assertThat(got[31]).isEqualTo((byte) seq);
    }
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
    engine.close();
  }
}
