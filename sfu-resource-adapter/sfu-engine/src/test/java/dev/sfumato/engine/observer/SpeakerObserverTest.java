package dev.sfumato.engine.observer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sfumato.engine.api.ProducerId;
import dev.sfumato.engine.api.SpeakerLevel;
import dev.sfumato.engine.rtp.AudioLevelExtension;
import dev.sfumato.engine.rtp.RtpPacket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The speaker decision window by window, fed with real RFC 6464 packets. */
class SpeakerObserverTest {

  private static final int EXT_ID = 1;
  private static final ProducerId ALICE = new ProducerId("PR_alice");
  private static final ProducerId BOB = new ProducerId("PR_bob");

  /** 25 packets: one 500 ms window of 20 ms Opus frames. */
  private static final int WINDOW = 25;

  private final SpeakerObserver observer = new SpeakerObserver();
  private final AudioLevelMeter alice = new AudioLevelMeter(EXT_ID);
  private final AudioLevelMeter bob = new AudioLevelMeter(EXT_ID);
  private final RtpPacket view = new RtpPacket();

  /**
   * An Opus packet with the one-byte header extension form (RFC 8285 §4.2): 0xBEDE, one word, the
   * element {@code id=EXT_ID, L=0} and the level byte, two padding bytes.
   */
  static byte[] opus(int seq, int extId, int level, boolean voice) {
    byte[] p = new byte[12 + 8 + 20];
    p[0] = (byte) (extId > 0 ? 0x90 : 0x80);
    p[1] = 111;
    p[2] = (byte) (seq >> 8);
    p[3] = (byte) seq;
    p[11] = 1;
    if (extId > 0) {
      p[12] = (byte) 0xBE;
      p[13] = (byte) 0xDE;
      p[15] = 1;
      p[16] = (byte) (extId << 4);
      p[17] = (byte) AudioLevelExtension.encode(level, voice);
    }
    return p;
  }

  private void feed(AudioLevelMeter meter, int packets, int level) {
    feed(meter, packets, level, EXT_ID);
  }

  private void feed(AudioLevelMeter meter, int packets, int level, int extId) {
    for (int i = 0; i < packets; i++) {
      byte[] p = opus(i, extId, level, true);
      assertThat(view.wrap(p, 0, p.length)).isTrue();
      meter.observe(view);
    }
  }

  @Test
  void twoSpeakersAreReportedLoudestFirst() {
    observer.add(ALICE, alice);
    observer.add(BOB, bob);
    feed(alice, WINDOW, 40); // -40 dBov
    feed(bob, WINDOW, 20); // -20 dBov: louder

    List<SpeakerLevel> speakers = observer.observe();

    assertThat(speakers).extracting(SpeakerLevel::producer).containsExactly(BOB, ALICE);
    assertThat(speakers).allMatch(SpeakerLevel::active);
    assertThat(speakers.get(0).level()).isCloseTo(0.1f, org.assertj.core.data.Offset.offset(1e-4f));
    assertThat(speakers.get(1).level())
        .isCloseTo(0.01f, org.assertj.core.data.Offset.offset(1e-5f));
    assertThat(observer.current()).isEqualTo(speakers);
  }

  @Test
  void anUnchangedWindowIsNoNewsAndALevelChangeIs() {
    observer.add(ALICE, alice);
    feed(alice, WINDOW, 30);
    assertThat(observer.observe()).hasSize(1);
    feed(alice, WINDOW, 30);
    assertThat(observer.observe()).as("same level, same speakers").isNull();
    feed(alice, WINDOW, 10); // 20 dB louder: smoothed half-way, still many steps up
    List<SpeakerLevel> louder = observer.observe();
    assertThat(louder).hasSize(1);
    assertThat(louder.get(0).level()).isGreaterThan(0.1f);
  }

  @Test
  void silenceClearsASpeakerOnceAfterTheHangover() {
    observer.add(ALICE, alice);
    observer.add(BOB, bob);
    feed(alice, WINDOW, 30);
    feed(bob, WINDOW, 30);
    assertThat(observer.observe()).hasSize(2);

    feed(alice, WINDOW, 30);
    feed(bob, WINDOW, AudioLevelExtension.SILENCE);
    List<SpeakerLevel> pause = observer.observe();
    assertThat(pause == null ? observer.current() : pause)
        .as("one quiet window (a breath) keeps the floor")
        .extracting(SpeakerLevel::producer)
        .contains(BOB);

    feed(alice, WINDOW, 30);
    feed(bob, WINDOW, AudioLevelExtension.SILENCE);
    List<SpeakerLevel> cleared = observer.observe();
    assertThat(cleared)
        .containsExactly(
            new SpeakerLevel(ALICE, cleared.get(0).level(), true),
            new SpeakerLevel(BOB, 0f, false));
    assertThat(observer.current()).extracting(SpeakerLevel::producer).containsExactly(ALICE);

    feed(alice, WINDOW, 30);
    feed(bob, WINDOW, AudioLevelExtension.SILENCE);
    assertThat(observer.observe()).as("the stop is reported once").isNull();
  }

  @Test
  void dtxSilenceWithoutPacketsClearsToo() {
    observer.add(ALICE, alice);
    feed(alice, WINDOW, 30);
    assertThat(observer.observe()).hasSize(1);
    observer.observe(); // hangover
    assertThat(observer.observe()).containsExactly(new SpeakerLevel(ALICE, 0f, false));
    assertThat(observer.current()).isEmpty();
  }

  @Test
  void packetsWithoutTheExtensionAreIgnored() {
    observer.add(ALICE, alice);
    feed(alice, WINDOW, 10, 0); // no extension block at all
    feed(alice, WINDOW, 10, 2); // another extension id than negotiated
    assertThat(observer.observe()).isNull();
    assertThat(observer.current()).isEmpty();
    assertThat(alice.packetsWithoutLevel()).isEqualTo(2L * WINDOW);
  }

  @Test
  void backgroundNoiseAndLoneClicksAreNotSpeech() {
    observer.add(ALICE, alice);
    observer.add(BOB, bob);
    feed(alice, WINDOW, AudioLevelMeter.ACTIVE_LEVEL_DBOV + 5); // steady noise below the bar
    feed(bob, 1, 5); // one loud frame
    feed(bob, WINDOW - 1, AudioLevelExtension.SILENCE);
    assertThat(observer.observe()).isNull();
  }

  @Test
  void aClosedSpeakerIsReportedStoppedOnceAndForgotten() {
    observer.add(ALICE, alice);
    feed(alice, WINDOW, 30);
    observer.observe();
    observer.remove(ALICE);
    assertThat(observer.observe()).containsExactly(new SpeakerLevel(ALICE, 0f, false));
    assertThat(observer.size()).isZero();
    assertThat(observer.observe()).isNull();
  }
}
