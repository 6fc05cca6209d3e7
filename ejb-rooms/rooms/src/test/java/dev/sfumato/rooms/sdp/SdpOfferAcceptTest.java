package dev.sfumato.rooms.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link SdpOffer#accept}: real Chromium 156 answers, then every way an answer can be wrong. */
class SdpOfferAcceptTest {
  private static final String INITIAL = OfferScenarios.answer("chromium-initial");

  /** {@code sdp} with {@code change} applied to the m= section whose mid is {@code mid}. */
  static String inSection(String sdp, String mid, UnaryOperator<String> change) {
    String[] parts = sdp.split("(?=\r\nm=)");
    StringBuilder out = new StringBuilder();
    for (String p : parts) {
      out.append(p.contains("\r\na=mid:" + mid + "\r\n") ? change.apply(p) : p);
    }
    return out.toString();
  }

  @Test
  void acceptsChromiumsAnswerToTheInitialOffer() {
    OfferOutcome o = OfferScenarios.initial().accept(INITIAL);
    RemoteTransport r = o.remote();
    assertThat(r.iceUfrag()).isEqualTo("qcCN");
    assertThat(r.icePwd()).isEqualTo("FhETylR2rvwNwVFtV1dlL4iF");
    assertThat(r.fingerprints())
        .singleElement()
        .extracting(Fingerprint::hashFunction)
        .isEqualTo("sha-256");
    assertThat(r.offeredSetup()).isEqualTo(Setup.ACTIVE);
    assertThat(r.localSetup()).isEqualTo(Setup.PASSIVE);
    assertThat(r.iceOptions()).contains("trickle");
    assertThat(o.media()).extracting(NegotiatedMedia::mid).containsExactly("dc", "a1", "v1");
    assertThat(o.accepted()).hasSize(3);

    NegotiatedMedia dc = o.media("dc");
    assertThat(dc.kind()).isEqualTo("application");
    assertThat(dc.sctpPort()).isEqualTo(5000);
    assertThat(dc.maxMessageSize()).isEqualTo(262144);

    NegotiatedMedia audio = o.media("a1");
    assertThat(audio.index()).isEqualTo(1);
    assertThat(audio.direction()).isEqualTo(Direction.SENDONLY);
    assertThat(audio.codecs())
        .extracting(NegotiatedMedia.Codec::payloadType)
        .containsExactly(63, 111);
    assertThat(audio.codecs().get(1).fmtp()).isEqualTo("minptime=10;useinbandfec=1");
    assertThat(audio.extensionId(ServerCapabilities.AUDIO_LEVEL)).isEqualTo(1);
    assertThat(audio.extensionId(ServerCapabilities.MID)).isEqualTo(4);

    NegotiatedMedia video = o.media("v1");
    NegotiatedMedia.Codec vp8 = video.codecs().get(0);
    assertThat(video.codecs()).hasSize(1);
    assertThat(vp8.name()).isEqualTo("VP8");
    assertThat(vp8.rtxPayloadType()).isEqualTo(97);
    assertThat(video.rtxPayloadTypes()).containsExactly(97);
    assertThat(vp8.feedback())
        .extracting(RtcpFb::attributeValue)
        .containsExactly("96 nack", "96 nack pli", "96 ccm fir", "96 goog-remb");
    assertThat(video.headerExtensions())
        .extracting(NegotiatedMedia.HeaderExtension::id)
        .containsExactlyInAnyOrder(2, 4, 13);
    assertThat(video.ssrcs()).isEmpty();
    assertThat(o.media("nope")).isNull();
  }

  @Test
  void acceptsTheAnswerAsLivekitClientRewritesIt() {
    OfferOutcome o =
        OfferScenarios.initial().accept(OfferScenarios.answer("chromium-initial-sdp-transform"));
    assertThat(o).isEqualTo(OfferScenarios.initial().accept(INITIAL));
  }

  @Test
  void acceptsChromiumsAnswersToTheReoffers() {
    OfferOutcome second =
        OfferScenarios.stopAndAdd().accept(OfferScenarios.answer("chromium-stop-and-add"));
    assertThat(second.media())
        .extracting(NegotiatedMedia::mid)
        .containsExactly("dc", "a1", "v1", "v2");
    assertThat(second.media("a1").accepted()).isFalse();
    assertThat(second.media("a1").rejectReason()).isEqualTo("stopped by the server");
    NegotiatedMedia h264 = second.media("v2");
    assertThat(h264.codecs())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.payloadType()).isEqualTo(102);
              assertThat(c.rtxPayloadType()).isEqualTo(103);
              assertThat(c.fmtp()).contains("profile-level-id=42e01f");
            });
    assertThat(second.remote().iceUfrag()).isEqualTo("qcCN");

    OfferOutcome third = OfferScenarios.recycle().accept(OfferScenarios.answer("chromium-recycle"));
    assertThat(third.accepted())
        .extracting(NegotiatedMedia::mid)
        .containsExactly("dc", "a2", "v1", "v2");
    assertThat(third.media("a2").index()).isEqualTo(1);
    assertThat(third.media("a2").codecs())
        .extracting(NegotiatedMedia.Codec::name)
        .containsExactly("opus");
    assertThat(third.remote().offeredSetup()).isEqualTo(Setup.ACTIVE);
  }

  @Test
  void acceptsChromiumsAnswerToAVideoOnlyOffer() {
    OfferOutcome o =
        OfferScenarios.videoOnly().accept(OfferScenarios.answer("chromium-video-only"));
    assertThat(o.accepted()).singleElement().extracting(NegotiatedMedia::mid).isEqualTo("v2");
    assertThat(o.remote().localSetup()).isEqualTo(Setup.PASSIVE);
    assertThat(o.media("v2").direction()).isEqualTo(Direction.SENDONLY);
  }

  @Test
  void keepsWhatTheAnswerDropsOutOfTheOutcome() {
    String noRedNoRtx =
        inSection(
            inSection(INITIAL, "a1", s -> s.replace("SAVPF 63 111", "SAVPF 111")),
            "v1",
            s -> s.replace("SAVPF 96 97", "SAVPF 96").replace("a=rtcp-fb:96 goog-remb\r\n", ""));
    OfferOutcome o = OfferScenarios.initial().accept(noRedNoRtx);
    assertThat(o.media("a1").codecs())
        .extracting(NegotiatedMedia.Codec::name)
        .containsExactly("opus");
    assertThat(o.media("v1").codecs().get(0).rtxPayloadType()).isEqualTo(-1);
    assertThat(o.media("v1").codecs().get(0).feedback())
        .extracting(RtcpFb::type)
        .doesNotContain("goog-remb");
    String noAudioLevel =
        inSection(
            INITIAL,
            "a1",
            s -> s.replace("a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n", ""));
    assertThat(
            OfferScenarios.initial()
                .accept(noAudioLevel)
                .media("a1")
                .extensionId(ServerCapabilities.AUDIO_LEVEL))
        .isEqualTo(-1);
  }

  @Test
  void anAnswererMayRejectOrIdleASection() {
    String rejected =
        inSection(INITIAL, "a1", s -> s.replace("m=audio 9 ", "m=audio 0 "))
            .replace("a=group:BUNDLE dc a1 v1", "a=group:BUNDLE dc v1");
    OfferOutcome o = OfferScenarios.initial().accept(rejected);
    assertThat(o.media("a1").accepted()).isFalse();
    assertThat(o.media("a1").rejectReason()).contains("rejected by the answerer");
    assertThat(o.remote()).isNotNull();
    String inactive = inSection(INITIAL, "v1", s -> s.replace("a=recvonly", "a=inactive"));
    assertThat(OfferScenarios.initial().accept(inactive).media("v1").direction())
        .isEqualTo(Direction.INACTIVE);
    String allRejected =
        INITIAL
            .replace("m=application 9 ", "m=application 0 ")
            .replace("m=audio 9 ", "m=audio 0 ")
            .replace("m=video 9 ", "m=video 0 ");
    OfferOutcome none = OfferScenarios.initial().accept(allRejected);
    assertThat(none.accepted()).isEmpty();
    assertThat(none.remote()).isNull();
  }

  @Test
  void aMissingSetupIsActiveAndASingleSectionNeedsNoBundle() {
    String answer =
        OfferScenarios.answer("chromium-video-only")
            .replace("a=setup:active\r\n", "")
            .replace("a=group:BUNDLE v2\r\n", "");
    OfferOutcome o = OfferScenarios.videoOnly().accept(answer);
    assertThat(o.remote().offeredSetup()).isEqualTo(Setup.ACTIVE);
    String passive =
        OfferScenarios.answer("chromium-video-only").replace("a=setup:active", "a=setup:passive");
    assertThat(OfferScenarios.videoOnly().accept(passive).remote().localSetup())
        .isEqualTo(Setup.ACTIVE);
  }

  static Stream<Arguments> wrongAnswers() {
    String second = OfferScenarios.answer("chromium-stop-and-add");
    return Stream.of(
        Arguments.of(
            "fewer sections",
            INITIAL.substring(0, INITIAL.indexOf("\r\nm=video") + 2),
            "the answer has 2 m= sections, the offer 3"),
        Arguments.of(
            "other mid",
            inSection(INITIAL, "v1", s -> s.replace("a=mid:v1", "a=mid:vx")),
            "the answer says mid vx"),
        Arguments.of(
            "no mid", inSection(INITIAL, "v1", s -> s.replace("a=mid:v1\r\n", "")), "has no a=mid"),
        Arguments.of(
            "other kind",
            INITIAL.replace("m=video 9", "m=audio 9"),
            "the answer has m=audio, the offer m=video"),
        Arguments.of(
            "other protocol",
            inSection(INITIAL, "v1", s -> s.replace("UDP/TLS/RTP/SAVPF", "RTP/AVP")),
            "protocol RTP/AVP is not the offered"),
        Arguments.of(
            "sendrecv",
            inSection(INITIAL, "v1", s -> s.replace("a=recvonly", "a=sendrecv")),
            "the answer is sendrecv"),
        Arguments.of(
            "sendonly",
            inSection(INITIAL, "a1", s -> s.replace("a=recvonly", "a=sendonly")),
            "must be recvonly or inactive"),
        Arguments.of(
            "no rtcp-mux",
            inSection(INITIAL, "v1", s -> s.replace("a=rtcp-mux\r\n", "")),
            "must accept rtcp-mux"),
        Arguments.of(
            "unoffered payload type",
            inSection(INITIAL, "v1", s -> s.replace("SAVPF 96 97", "SAVPF 96 97 98")),
            "payload type 98 in the answer was not offered"),
        Arguments.of(
            "remapped payload type",
            inSection(
                INITIAL, "v1", s -> s.replace("a=rtpmap:96 VP8/90000", "a=rtpmap:96 VP9/90000")),
            "payload type 96 is 96 VP9/90000 in the answer"),
        Arguments.of(
            "only rtx kept",
            inSection(INITIAL, "v1", s -> s.replace("SAVPF 96 97", "SAVPF 97")),
            "keeps no offered codec"),
        Arguments.of(
            "extension id changed",
            inSection(INITIAL, "v1", s -> s.replace("a=extmap:13 ", "a=extmap:12 ")),
            "has id 12 in the answer, 13 in the offer"),
        Arguments.of(
            "extension not offered",
            inSection(
                INITIAL,
                "v1",
                s ->
                    s.replace(
                        "a=recvonly",
                        "a=extmap:3 " + ServerCapabilities.TRANSPORT_CC + "\r\na=recvonly")),
            "was not offered"),
        Arguments.of(
            "actpass",
            INITIAL.replace("a=setup:active", "a=setup:actpass"),
            "a=setup:actpass in an answer"),
        Arguments.of(
            "holdconn",
            INITIAL.replace("a=setup:active", "a=setup:holdconn"),
            "a=setup:holdconn in an answer"),
        Arguments.of(
            "no fingerprint",
            INITIAL.replaceAll("a=fingerprint:[^\r]*\r\n", ""),
            "no a=fingerprint"),
        Arguments.of(
            "no ICE credentials",
            INITIAL.replaceAll("a=ice-pwd:[^\r]*\r\n", ""),
            "no a=ice-ufrag/a=ice-pwd"),
        Arguments.of(
            "unbundled section",
            INITIAL.replace("a=group:BUNDLE dc a1 v1", "a=group:BUNDLE dc a1"),
            "mid v1 is accepted but not in the answer's BUNDLE group"),
        Arguments.of(
            "no bundle", INITIAL.replace("a=group:BUNDLE dc a1 v1\r\n", ""), "no a=group:BUNDLE"),
        Arguments.of(
            "data channel format",
            INITIAL.replace("SCTP webrtc-datachannel", "SCTP webrtc-other"),
            "not webrtc-datachannel"),
        Arguments.of(
            "stopped section revived",
            second.replace("m=audio 0 ", "m=audio 9 "),
            "mid a1 is stopped in the offer"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongAnswers")
  void rejectsAnAnswerThatDoesNotFitTheOffer(String what, String answer, String message) {
    SdpOffer offer =
        what.equals("stopped section revived")
            ? OfferScenarios.stopAndAdd()
            : OfferScenarios.initial();
    assertThatThrownBy(() -> offer.accept(answer))
        .as(what)
        .isInstanceOf(SdpException.class)
        .hasMessageContaining(message);
  }

  @Test
  void outcomeMediaHaveTheShapeOfAWhepAnswersMedia() {
    SdpAnswer whep =
        new AnswerBuilder(ServerCapabilities.defaults(), OfferScenarios.LOCAL)
            .answer(
                Samples.parse("chromium-whep-recvonly"),
                AnswerPolicy.whep(
                    Map.of(
                        "0", OfferScenarios.sender("PA_w", "TR_a", 1, 0),
                        "1", OfferScenarios.sender("PA_w", "TR_v", 2, 3))),
                1,
                1);
    NegotiatedMedia whepVideo = whep.accepted().get(1);
    NegotiatedMedia ours = OfferScenarios.initial().accept(INITIAL).media("v1");
    assertThat(ours.direction()).isEqualTo(whepVideo.direction());
    assertThat(ours.kind()).isEqualTo(whepVideo.kind());
    assertThat(ours.accepted()).isEqualTo(whepVideo.accepted());
    assertThat(ours.rids()).isEqualTo(whepVideo.rids()).isEmpty();
    assertThat(ours.codecs().get(0).rtxPayloadType()).isPositive();
    assertThat(whepVideo.codecs().get(0).rtxPayloadType()).isPositive();
    assertThat(List.of(ours.sctpPort(), whepVideo.sctpPort())).containsOnly(0);
  }
}
