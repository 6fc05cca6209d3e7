package dev.sfumato.rooms.sdp;

import static dev.sfumato.rooms.sdp.OfferScenarios.AUDIO_A1;
import static dev.sfumato.rooms.sdp.OfferScenarios.AUDIO_A2;
import static dev.sfumato.rooms.sdp.OfferScenarios.BUILDER;
import static dev.sfumato.rooms.sdp.OfferScenarios.H264;
import static dev.sfumato.rooms.sdp.OfferScenarios.LOCAL;
import static dev.sfumato.rooms.sdp.OfferScenarios.OPUS;
import static dev.sfumato.rooms.sdp.OfferScenarios.VIDEO_V1;
import static dev.sfumato.rooms.sdp.OfferScenarios.VIDEO_V2;
import static dev.sfumato.rooms.sdp.OfferScenarios.VP8;
import static dev.sfumato.rooms.sdp.OfferScenarios.sender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class OfferBuilderTest {

  private static List<String> lines(MediaDescription m) {
    return m.toString().lines().toList();
  }

  @Test
  void initialOfferParsesBackWithDataChannelFirstAndOneBundle() {
    SdpOffer offer = OfferScenarios.initial();
    SessionDescription sd = SdpParser.parse(offer.sdp());
    assertThat(sd).isEqualTo(offer.description());
    assertThat(sd.origin().sessionId()).isEqualTo("4242");
    assertThat(offer.sessionVersion()).isEqualTo(1);
    assertThat(sd.has(Flag.ICE_LITE)).isTrue();
    assertThat(sd.bundleGroups())
        .singleElement()
        .extracting(Group::mids)
        .isEqualTo(List.of("dc", "a1", "v1"));
    assertThat(sd.media()).extracting(MediaDescription::mid).containsExactly("dc", "a1", "v1");
    MediaDescription dc = sd.media().get(0);
    assertThat(dc.media()).isEqualTo("application");
    assertThat(dc.proto()).isEqualTo("UDP/DTLS/SCTP");
    assertThat(dc.formats()).containsExactly("webrtc-datachannel");
    assertThat(lines(dc)).contains("a=sctp-port:5000", "a=max-message-size:262144");
  }

  @Test
  void everyLiveSectionCarriesTheSameTransportAndActpass() {
    SessionDescription sd = OfferScenarios.initial().description();
    for (MediaDescription m : sd.media()) {
      assertThat(m.port()).isEqualTo(40000);
      assertThat(m.has(Flag.BUNDLE_ONLY)).isFalse();
      assertThat(lines(m))
          .contains(
              "c=IN IP4 127.0.0.1",
              "a=ice-ufrag:sfuUfrag",
              "a=ice-pwd:0123456789abcdefghijklmnop",
              "a=fingerprint:" + LOCAL.fingerprint().attributeValue(),
              "a=setup:actpass",
              "a=candidate:" + LOCAL.candidates().get(0).toCandidate(0).attributeValue(),
              "a=candidate:" + LOCAL.candidates().get(1).toCandidate(1).attributeValue(),
              "a=end-of-candidates");
      if (!m.media().equals("application")) {
        assertThat(lines(m)).contains("a=sendonly", "a=rtcp-mux", "a=rtcp-rsize");
      }
    }
  }

  @Test
  void liveSectionsKeepTheProducersPayloadTypesAndFmtpAndSignalTheSender() {
    SessionDescription sd = OfferScenarios.initial().description();
    MediaDescription audio = sd.media("a1");
    assertThat(audio.formats()).containsExactly("63", "111");
    assertThat(lines(audio))
        .contains(
            "a=rtpmap:63 red/48000/2",
            "a=fmtp:63 111/111",
            "a=rtpmap:111 opus/48000/2",
            "a=fmtp:111 minptime=10;useinbandfec=1",
            "a=msid:PA_alice|TR_amic TR_amic",
            "a=ssrc:1001 cname:sfumato",
            "a=ssrc:1001 msid:PA_alice|TR_amic TR_amic");
    assertThat(audio.all(SsrcGroup.class)).isEmpty();
    MediaDescription video = sd.media("v1");
    assertThat(video.formats()).containsExactly("96", "97");
    assertThat(lines(video))
        .contains(
            "a=rtpmap:96 VP8/90000",
            "a=rtpmap:97 rtx/90000",
            "a=fmtp:97 apt=96",
            "a=ssrc-group:FID 2001 2002",
            "a=ssrc:2002 cname:sfumato");
  }

  @Test
  void extensionsAndFeedbackFollowTheKindAndLeaveOutTransportCc() {
    SessionDescription sd = OfferScenarios.initial().description();
    assertThat(ServerCapabilities.defaults().headerExtensions())
        .contains(ServerCapabilities.TRANSPORT_CC);
    assertThat(sd.media("a1").all(ExtMap.class))
        .extracting(ExtMap::id, ExtMap::uri)
        .containsExactly(
            tuple(1, ServerCapabilities.AUDIO_LEVEL),
            tuple(2, ServerCapabilities.ABS_SEND_TIME),
            tuple(4, ServerCapabilities.MID));
    assertThat(sd.media("a1").all(RtcpFb.class)).isEmpty();
    assertThat(sd.media("v1").all(ExtMap.class)).extracting(ExtMap::id).containsExactly(2, 4, 13);
    assertThat(sd.media("v1").rtcpFb(96))
        .extracting(RtcpFb::attributeValue)
        .containsExactly("96 nack", "96 nack pli", "96 ccm fir", "96 goog-remb");
    assertThat(sd.write()).doesNotContain("transport-cc", "transport-wide");
  }

  @Test
  void extensionsComeOnlyFromTheCapabilities() {
    OfferBuilder midOnly =
        new OfferBuilder(
            ServerCapabilities.defaults().withHeaderExtensions(List.of(ServerCapabilities.MID)),
            LOCAL);
    SessionDescription sd = midOnly.offer(List.of(AUDIO_A1, VIDEO_V1), false, 1, 1).description();
    for (MediaDescription m : sd.media()) {
      assertThat(m.all(ExtMap.class))
          .extracting(ExtMap::uri)
          .containsExactly(ServerCapabilities.MID);
    }
  }

  @Test
  void rtxIsLeftOutWhenTheSenderHasNoRtxSsrcOrTheServerNoRtx() {
    OfferSection noRtxSsrc =
        OfferSection.live("v9", "video", sender("PA_c", "TR_c", 5, 0), List.of(VP8));
    MediaDescription m = BUILDER.offer(List.of(noRtxSsrc), false, 1, 1).description().media("v9");
    assertThat(m.formats()).containsExactly("96");
    assertThat(m.all(SsrcGroup.class)).isEmpty();
    ServerCapabilities noRtx =
        new ServerCapabilities(
            ServerCapabilities.defaults().codecs(), false, List.of(), List.of(), false, 5000, 0);
    MediaDescription m2 =
        new OfferBuilder(noRtx, LOCAL)
            .offer(List.of(VIDEO_V1), false, 1, 1)
            .description()
            .media("v1");
    assertThat(m2.formats()).containsExactly("96");
    assertThat(m2.ssrcs()).containsExactly(2001L);
  }

  @Test
  void stoppedSectionsKeepTheirPlaceWithPortZeroOutsideTheBundle() {
    SdpOffer offer = OfferScenarios.stopAndAdd();
    SessionDescription sd = offer.description();
    assertThat(sd.media())
        .extracting(MediaDescription::mid)
        .containsExactly("dc", "a1", "v1", "v2");
    MediaDescription stopped = sd.media("a1");
    assertThat(stopped.port()).isZero();
    assertThat(stopped.isRejected()).isTrue();
    assertThat(stopped.formats()).containsExactly("63", "111");
    assertThat(lines(stopped))
        .containsExactly(
            "m=audio 0 UDP/TLS/RTP/SAVPF 63 111", "c=IN IP4 0.0.0.0", "a=mid:a1", "a=inactive");
    assertThat(sd.bundleGroups().get(0).mids()).containsExactly("dc", "v1", "v2");
    SessionDescription bare =
        BUILDER.offer(List.of(OfferSection.stopped("x", "video")), false, 1, 1).description();
    assertThat(bare.media().get(0).formats()).containsExactly("0");
    assertThat(bare.bundleGroups()).isEmpty();
  }

  @Test
  void withoutDataChannelOrCandidatesTheSectionsStillFollowTheRules() {
    LocalTransport noCandidates =
        new LocalTransport(LOCAL.iceUfrag(), LOCAL.icePwd(), LOCAL.fingerprint(), List.of());
    SessionDescription sd =
        new OfferBuilder(ServerCapabilities.defaults(), noCandidates)
            .offer(List.of(VIDEO_V2), false, 5, 9)
            .description();
    assertThat(sd.media()).singleElement().extracting(MediaDescription::mid).isEqualTo("v2");
    assertThat(sd.bundleGroups().get(0).mids()).containsExactly("v2");
    MediaDescription m = sd.media().get(0);
    assertThat(m.port()).isEqualTo(9);
    assertThat(lines(m)).contains("c=IN IP4 0.0.0.0").doesNotContain("a=end-of-candidates");
    assertThat(sd.origin().sessionVersion()).isEqualTo("9");
  }

  @Test
  void reofferKeepsSessionIdBumpsVersionAndRecyclesUnderANewMid() {
    SdpOffer second = OfferScenarios.stopAndAdd();
    assertThat(second.sessionId()).isEqualTo(4242);
    assertThat(second.sessionVersion()).isEqualTo(2);
    assertThat(second.dataChannel()).isTrue();
    SdpOffer third = OfferScenarios.recycle();
    assertThat(third.sessionVersion()).isEqualTo(3);
    assertThat(third.description().media())
        .extracting(MediaDescription::mid)
        .containsExactly("dc", "a2", "v1", "v2");
    assertThat(third.description().media("a2").port()).isEqualTo(40000);
    assertThat(third.description().bundleGroups().get(0).mids())
        .containsExactly("dc", "a2", "v1", "v2");
    assertThat(third.usedMids()).containsExactly("a1", "v1", "v2", "a2");
    assertThat(SdpParser.parse(third.sdp())).isEqualTo(third.description());
  }

  @Test
  void reofferRejectsMovingRenamingOrReusingSections() {
    SdpOffer first = OfferScenarios.initial();
    SdpOffer second = OfferScenarios.stopAndAdd();
    assertThatThrownBy(() -> BUILDER.reoffer(first, List.of(VIDEO_V1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keeps every section");
    assertThatThrownBy(() -> BUILDER.reoffer(first, List.of(VIDEO_V1, AUDIO_A1)))
        .hasMessageContaining("is live: it keeps its mid");
    OfferSection otherSender =
        OfferSection.live("a1", "audio", sender("PA_z", "TR_z", 1001, 0), List.of(OPUS));
    assertThatThrownBy(() -> BUILDER.reoffer(first, List.of(otherSender, VIDEO_V1)))
        .hasMessageContaining("keeps its sender");
    assertThatThrownBy(() -> BUILDER.reoffer(second, List.of(AUDIO_A1, VIDEO_V1, VIDEO_V2)))
        .hasMessageContaining("cannot come back");
    OfferSection reusesV1 =
        OfferSection.live("v1", "video", sender("PA_y", "TR_y", 9, 10), List.of(VP8));
    assertThatThrownBy(
            () ->
                BUILDER.reoffer(
                    second,
                    List.of(
                        AUDIO_A2,
                        VIDEO_V1,
                        VIDEO_V2,
                        OfferSection.live(
                            "a1", "audio", sender("PA_y", "TR_a", 11, 0), List.of(OPUS)))))
        .hasMessageContaining("mid a1 was used before");
    assertThatThrownBy(() -> BUILDER.reoffer(second, List.of(reusesV1, VIDEO_V1, VIDEO_V2)))
        .hasMessageContaining("mid v1");
    OfferSection videoInAudioPlace =
        OfferSection.live("v3", "video", sender("PA_y", "TR_v", 21, 22), List.of(H264));
    assertThatThrownBy(
            () -> BUILDER.reoffer(second, List.of(videoInAudioPlace, VIDEO_V1, VIDEO_V2)))
        .hasMessageContaining("recycled for a video track: it was audio");
    assertThatThrownBy(
            () -> BUILDER.reoffer(first, List.of(OfferSection.stopped("a1", "video"), VIDEO_V1)))
        .hasMessageContaining("cannot change kind");
  }

  @Test
  void rejectsOffersThatCannotBeWritten() {
    assertThatThrownBy(() -> BUILDER.offer(List.of(), false, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one m= section");
    assertThat(BUILDER.offer(List.of(), true, 1, 1).description().media()).hasSize(1);
    assertThatThrownBy(() -> BUILDER.offer(List.of(AUDIO_A1, AUDIO_A1.stop()), false, 1, 1))
        .hasMessageContaining("mid a1 is used twice");
    assertThatThrownBy(
            () -> BUILDER.offer(List.of(OfferSection.stopped("dc", "audio")), true, 1, 1))
        .hasMessageContaining("mid dc is used twice");
    OfferSection sameSsrc =
        OfferSection.live("v7", "video", sender("PA_q", "TR_q", 2002, 0), List.of(VP8));
    assertThatThrownBy(() -> BUILDER.offer(List.of(VIDEO_V1, sameSsrc), false, 1, 1))
        .hasMessageContaining("SSRC of mid v7 is sent twice");
    assertThatThrownBy(() -> BUILDER.offer(List.of(VIDEO_V1), false, -1, 1))
        .hasMessageContaining("must not be negative");
    assertThatThrownBy(() -> new OfferBuilder(null, LOCAL))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void offerSectionValidatesItself() {
    LocalSender s = sender("PA_a", "TR_a", 1, 2);
    assertThatThrownBy(() -> OfferSection.live("d", "application", s, List.of(VP8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("audio or video");
    assertThatThrownBy(() -> OfferSection.live("v", "video", s, List.of()))
        .hasMessageContaining("at least one codec");
    assertThatThrownBy(() -> OfferSection.live("v", "video", null, List.of(VP8)))
        .hasMessageContaining("needs a sender");
    NegotiatedMedia.Codec clash = new NegotiatedMedia.Codec(97, "VP9", 90000, 0, "", List.of(), -1);
    assertThatThrownBy(() -> OfferSection.live("v", "video", s, List.of(VP8, clash)))
        .hasMessageContaining("payload type 97 is used twice");
    NegotiatedMedia.Codec big = new NegotiatedMedia.Codec(128, "VP9", 90000, 0, "", List.of(), -1);
    assertThatThrownBy(() -> OfferSection.live("v", "video", s, List.of(big)))
        .hasMessageContaining("out of range");
    assertThatThrownBy(() -> OfferSection.stopped("bad mid", "video"))
        .isInstanceOf(SdpException.class);
    assertThat(VIDEO_V1.stop().isLive()).isFalse();
    assertThat(VIDEO_V1.stop().codecs()).containsExactly(VP8);
  }
}
