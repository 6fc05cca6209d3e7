package dev.sfumato.engine.e2e;

import static dev.sfumato.engine.e2e.LoopbackEngine.audio;
import static dev.sfumato.engine.e2e.LoopbackEngine.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sfumato.engine.EngineConfig;
import dev.sfumato.engine.api.DtlsRole;
import dev.sfumato.engine.api.EngineEvent;
import dev.sfumato.engine.api.ProducerId;
import dev.sfumato.engine.api.SpeakerLevel;
import dev.sfumato.engine.api.WebRtcTransportInfo;
import dev.sfumato.engine.rtp.AudioLevelExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The audio-level observer through the whole receive path: SRTP-protected Opus packets carrying RFC
 * 6464 levels from two publishers become {@code SpeakersChanged} events, loudest first, and silence
 * clears them; a producer that did not negotiate the extension never speaks.
 */
class SpeakersEndToEndTest {

  private static final int EXT_ID = 1;
  private static final long LOUD_SSRC = 1001;
  private static final long SOFT_SSRC = 1002;
  private static final long NO_EXT_SSRC = 1003;

  private LoopbackEngine sfu;

  @AfterEach
  void tearDown() throws Exception {
    if (sfu != null) {
      sfu.close();
    }
  }

  @Test
  void levelsBecomeSpeakerEventsLoudestFirstAndSilenceClearsThem() throws Exception {
    EngineConfig config =
        new EngineConfig(1, EngineConfig.loopback(), 0, EngineConfig.loopback())
            .withSpeakerInterval(Duration.ofMillis(100));
    sfu = new LoopbackEngine(config);
    WebRtcTransportInfo aInfo = sfu.transport();
    WebRtcTransportInfo bInfo = sfu.transport();
    TestPeer a = sfu.connectedPeer(aInfo, DtlsRole.CLIENT);
    TestPeer b = sfu.connectedPeer(bInfo, DtlsRole.CLIENT);
    ProducerId loud =
        await(sfu.control().produce(aInfo.id(), audio("0", 111, LOUD_SSRC, EXT_ID))).id();
    ProducerId noExt =
        await(sfu.control().produce(aInfo.id(), audio("1", 111, NO_EXT_SSRC, 0))).id();
    ProducerId soft =
        await(sfu.control().produce(bInfo.id(), audio("0", 111, SOFT_SSRC, EXT_ID))).id();

    // ~400 ms of speech: 20 packets each, 20 ms apart
    for (int seq = 0; seq < 20; seq++) {
      a.sendRtp(opus(seq, LOUD_SSRC, EXT_ID, 20));
      a.sendRtp(opus(seq, NO_EXT_SSRC, EXT_ID, 0)); // an extension it did not negotiate
      b.sendRtp(opus(seq, SOFT_SSRC, EXT_ID, 45));
      Thread.sleep(20);
    }
    List<EngineEvent> seen = new ArrayList<>();
    EngineEvent.SpeakersChanged both =
        (EngineEvent.SpeakersChanged)
            sfu.awaitEvent(
                e ->
                    seen.add(e)
                        && e instanceof EngineEvent.SpeakersChanged s
                        && s.speakers().size() == 2);
    assertThat(both.router()).isEqualTo(sfu.router.id());
    assertThat(both.speakers()).extracting(SpeakerLevel::producer).containsExactly(loud, soft);
    assertThat(both.speakers()).allMatch(SpeakerLevel::active);
    List<SpeakerLevel> polled = await(sfu.control().speakers(sfu.router.id()));
    assertThat(polled).extracting(SpeakerLevel::producer).containsExactly(loud, soft);
    assertThat(polled.get(0).level()).isGreaterThan(polled.get(1).level());

    // silence (level 127) from both: each is cleared, once, with active=false
    for (int seq = 20; seq < 40; seq++) {
      a.sendRtp(opus(seq, LOUD_SSRC, EXT_ID, AudioLevelExtension.SILENCE));
      b.sendRtp(opus(seq, SOFT_SSRC, EXT_ID, AudioLevelExtension.SILENCE));
      Thread.sleep(20);
    }
    sfu.awaitEvent(
        e ->
            seen.add(e)
                && e instanceof EngineEvent.SpeakersChanged s
                && s.speakers().contains(new SpeakerLevel(loud, 0f, false)));
    assertThat(await(sfu.control().speakers(sfu.router.id()))).isEmpty();
    seen.addAll(sfu.events);
    assertThat(seen)
        .noneMatch(
            e ->
                e instanceof EngineEvent.SpeakersChanged s
                    && s.speakers().stream().anyMatch(l -> l.producer().equals(noExt)));
  }

  /** An Opus packet with a one-byte-form audio-level element, or none when {@code extId} is 0. */
  static byte[] opus(int seq, long ssrc, int extId, int level) {
    byte[] p = new byte[12 + 8 + 20];
    p[0] = (byte) (extId > 0 ? 0x90 : 0x80);
    p[1] = 111;
    p[2] = (byte) (seq >> 8);
    p[3] = (byte) seq;
    long ts = 960L * seq;
    p[4] = (byte) (ts >> 24);
    p[5] = (byte) (ts >> 16);
    p[6] = (byte) (ts >> 8);
    p[7] = (byte) ts;
    p[8] = (byte) (ssrc >> 24);
    p[9] = (byte) (ssrc >> 16);
    p[10] = (byte) (ssrc >> 8);
    p[11] = (byte) ssrc;
    if (extId > 0) {
      p[12] = (byte) 0xBE; // RFC 8285 §4.2 one-byte form, one word of elements
      p[13] = (byte) 0xDE;
      p[15] = 1;
      p[16] = (byte) (extId << 4); // L = 0: one byte of value
      p[17] = (byte) AudioLevelExtension.encode(level, true);
    }
    return p;
  }
}
