package dev.sfumato.rooms.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Fuzz targets for peer-supplied SDP. In the normal build they run in regression mode over the
 * seeds in {@code SdpFuzzTestInputs/<method>/}; with JAZZER_FUZZ=1 they fuzz for real.
 */
class SdpFuzzTest {
  private static final AnswerBuilder SERVER =
      new AnswerBuilder(
          ServerCapabilities.defaults().withDataChannels(true), AnswerBuilderTest.LOCAL);

  /** The parser throws nothing but SdpException, and parse(write(parse(x))) is stable. */
  @FuzzTest(maxDuration = "30s")
  void parseWriteRoundTrip(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    SessionDescription first;
    try {
      first = SdpParser.parse(text);
    } catch (SdpException expected) {
      return;
    }
    String written = first.write();
    SessionDescription second = SdpParser.parse(written);
    assertThat(second).isEqualTo(first);
    assertThat(second.write()).isEqualTo(written);
  }

  /** Answering any parseable offer yields an answer that parses back, or an SdpException. */
  @FuzzTest(maxDuration = "30s")
  void answerNeverFailsOtherwise(byte[] input) {
    SessionDescription offer;
    try {
      offer = SdpParser.parse(new String(input, StandardCharsets.UTF_8));
    } catch (SdpException expected) {
      return;
    }
    SdpAnswer answer;
    try {
      answer =
          SERVER.answer(
              offer,
              new AnswerPolicy(true, Map.of("0", new LocalSender("s", "t", "c", 1, 2))),
              7,
              1);
    } catch (SdpException expected) {
      return;
    }
    assertThat(SdpParser.parse(answer.sdp())).isEqualTo(answer.description());
    assertThat(answer.media()).hasSameSizeAs(offer.media());
  }

  private static final List<SdpOffer> OFFERS =
      List.of(
          OfferScenarios.initial(),
          OfferScenarios.stopAndAdd(),
          OfferScenarios.recycle(),
          OfferScenarios.videoOnly());

  /** Any answer to any of our offers is accepted or refused with an SdpException, nothing else. */
  @FuzzTest(maxDuration = "30s")
  void acceptNeverFailsOtherwise(byte[] input) {
    SessionDescription answer;
    try {
      answer = SdpParser.parse(new String(input, StandardCharsets.UTF_8));
    } catch (SdpException expected) {
      return;
    }
    for (SdpOffer offer : OFFERS) {
      try {
        OfferOutcome outcome = offer.accept(answer);
        assertThat(outcome.media()).hasSameSizeAs(offer.description().media());
      } catch (SdpException expected) {
        // refused with a message for the peer
      }
    }
  }
}
