package dev.sfumato.rooms.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class AnswerBuilderTest {
  static final List<String> SAMPLES = Samples.ALL;

  static final LocalTransport LOCAL =
      new LocalTransport(
          "sfuUfrag",
          "0123456789abcdefghijklmnop",
          new Fingerprint(
              "sha-256",
              "AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99"),
          List.of(new HostCandidate("127.0.0.1", 40000), new HostCandidate("192.0.2.2", 40000)));

  private final AnswerBuilder server = new AnswerBuilder(ServerCapabilities.defaults(), LOCAL);

  /** WHIP for offers that send, WHEP with a sender per mid for offers that only receive. */
  private SdpAnswer answer(SessionDescription offer) {
    boolean sends = offer.media().stream().anyMatch(m -> offer.directionFor(m).sends());
    if (sends) {
      return server.answer(offer, AnswerPolicy.whip(), 42, 1);
    }
    Map<String, LocalSender> senders = new HashMap<>();
    long ssrc = 1000;
    for (MediaDescription m : offer.media()) {
      senders.put(m.mid(), new LocalSender("PA_x", "TR_" + m.mid(), "sfu", ssrc++, ssrc++));
    }
    return server.answer(offer, AnswerPolicy.whep(senders), 42, 1);
  }

  private static List<String> lines(MediaDescription m) {
    return m.toString().lines().toList();
  }

  @ParameterizedTest
  @FieldSource("SAMPLES")
  void everySampleGetsAnAnswerThatKeepsMidsOrderAndTransportRules(String name) {
    SessionDescription offer = Samples.parse(name);
    SdpAnswer a = answer(offer);
    SessionDescription sd = a.description();
    assertThat(SdpParser.parse(a.sdp())).isEqualTo(sd);
    assertThat(sd.media())
        .extracting(MediaDescription::mid)
        .containsExactlyElementsOf(offer.media().stream().map(MediaDescription::mid).toList());
    assertThat(sd.media())
        .extracting(MediaDescription::media)
        .containsExactlyElementsOf(offer.media().stream().map(MediaDescription::media).toList());
    assertThat(sd.has(Flag.ICE_LITE)).isTrue();
    List<String> accepted = a.accepted().stream().map(NegotiatedMedia::mid).toList();
    assertThat(accepted).isNotEmpty();
    assertThat(sd.bundleGroups()).singleElement().extracting(Group::mids).isEqualTo(accepted);
    assertThat(a.remote().localSetup()).isEqualTo(Setup.PASSIVE);
    for (MediaDescription m : sd.media()) {
      List<String> l = lines(m);
      if (!accepted.contains(m.mid())) {
        assertThat(m.port()).isZero();
        continue;
      }
      assertThat(m.port()).isEqualTo(40000);
      assertThat(m.has(Flag.BUNDLE_ONLY)).isFalse();
      assertThat(l)
          .contains(
              "c=IN IP4 127.0.0.1",
              "a=ice-ufrag:sfuUfrag",
              "a=ice-pwd:0123456789abcdefghijklmnop",
              "a=setup:passive",
              "a=candidate:" + LOCAL.candidates().get(0).toCandidate(0).attributeValue(),
              "a=end-of-candidates");
      assertThat(l).anyMatch(s -> s.startsWith("a=fingerprint:sha-256 AA:BB"));
      if (!m.media().equals("application")) {
        assertThat(m.has(Flag.RTCP_MUX)).isTrue();
        assertThat(m.has(Flag.RTCP_RSIZE)).isEqualTo(offer.media(m.mid()).has(Flag.RTCP_RSIZE));
        // Offer payload types are kept.
        assertThat(offer.media(m.mid()).formats()).containsAll(m.formats());
      }
    }
  }

  @Test
  void chromiumWhipAnswerIntersectsCodecsAndKeepsIdsAndFmtp() {
    SdpAnswer a = answer(Samples.parse("chromium-audio-video-sendonly"));
    MediaDescription audio = a.description().media().get(0);
    assertThat(audio.formats()).containsExactly("111", "63");
    assertThat(lines(audio))
        .contains(
            "m=audio 40000 UDP/TLS/RTP/SAVPF 111 63",
            "a=recvonly",
            "a=rtpmap:111 opus/48000/2",
            "a=rtcp-fb:111 transport-cc",
            "a=fmtp:111 minptime=10;useinbandfec=1",
            "a=rtpmap:63 red/48000/2",
            "a=fmtp:63 111/111",
            "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
            "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid")
        .noneMatch(l -> l.contains("G722") || l.contains("telephone-event") || l.contains("CN/"));

    MediaDescription video = a.description().media().get(1);
    List<String> l = lines(video);
    // Server preference VP8, VP9, H.264, AV1; RTX after its codec; pm=0 H.264, RED, ulpfec out.
    assertThat(video.formats())
        .containsExactly(
            "96", "97", "98", "99", "100", "101", "102", "103", "108", "109", "116", "117", "45",
            "46");
    assertThat(l)
        .contains(
            "a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f",
            "a=fmtp:116 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=4d001f",
            "a=fmtp:100 profile-id=2",
            "a=fmtp:45 level-idx=5;profile=0;tier=0",
            "a=rtpmap:97 rtx/90000",
            "a=fmtp:97 apt=96",
            "a=rtcp-fb:96 nack pli",
            "a=rtcp-fb:96 ccm fir",
            "a=rtcp-fb:96 goog-remb",
            "a=rtcp-fb:96 transport-cc",
            "a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
            "a=extmap:13 urn:3gpp:video-orientation",
            "a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
            "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid",
            "a=extmap:10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id",
            "a=extmap:11 urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id")
        .noneMatch(s -> s.startsWith("a=rtpmap:104") || s.startsWith("a=rtpmap:114"))
        .noneMatch(s -> s.contains("red/90000") || s.contains("ulpfec"))
        .noneMatch(s -> s.contains("toffset") || s.contains("playout-delay"))
        .noneMatch(s -> s.contains("dependency-descriptor"));

    NegotiatedMedia nv = a.media("1");
    assertThat(nv.direction()).isEqualTo(Direction.RECVONLY);
    assertThat(nv.codecs().get(0).name()).isEqualTo("VP8");
    assertThat(nv.codecs().get(0).rtxPayloadType()).isEqualTo(97);
    assertThat(nv.rtxPayloadTypes()).containsExactly(97, 99, 101, 103, 109, 117, 46);
    assertThat(nv.extensionId(ServerCapabilities.MID)).isEqualTo(4);
    assertThat(nv.extensionId("urn:ietf:params:rtp-hdrext:toffset")).isEqualTo(-1);
    assertThat(nv.ssrcs()).hasSize(2);
    assertThat(nv.ssrcGroups()).singleElement().extracting(SsrcGroup::semantics).isEqualTo("FID");
    assertThat(nv.msid()).isNotNull();
    assertThat(a.description().has(Flag.EXTMAP_ALLOW_MIXED)).isTrue();
    assertThat(a.remote().fingerprints()).hasSize(1);
    assertThat(a.remote().candidates()).hasSize(2);
  }

  @Test
  void simulcastOfferGetsRidRecvAndSimulcastRecvWithTheSameRids() {
    SdpAnswer a = answer(Samples.parse("chromium-simulcast"));
    assertThat(lines(a.description().media().get(1)))
        .containsSubsequence(
            "a=rid:q recv", "a=rid:h recv", "a=rid:f recv", "a=simulcast:recv q;h;f");
    assertThat(a.media("1").rids()).containsExactly("q", "h", "f");
    assertThat(a.media("0").rids()).isEmpty();
  }

  @Test
  void simulcastPauseMarksAndAlternativesAreMirrored() {
    String text =
        Samples.text("chromium-simulcast")
            .replace("a=simulcast:send q;h;f", "a=simulcast:send q,h;~f;x");
    SdpAnswer a = answer(SdpParser.parse(text));
    // "x" has no a=rid line (RFC 8853 §5.2), so it is dropped.
    assertThat(lines(a.description().media().get(1))).contains("a=simulcast:recv q,h;~f");
    assertThat(a.media("1").rids()).containsExactly("q", "h", "f");
  }

  @Test
  void h264WithOnlyPacketizationModeZeroIsRejectedWithAReason() {
    String text =
        Samples.text("libdatachannel-obs-h264")
            .replace("packetization-mode=1", "packetization-mode=0");
    SdpAnswer a = answer(SdpParser.parse(text));
    MediaDescription video = a.description().media().get(1);
    assertThat(lines(video))
        .containsExactly("m=video 0 UDP/TLS/RTP/SAVPF 96", "c=IN IP4 0.0.0.0", "a=mid:1");
    assertThat(a.media("1").accepted()).isFalse();
    assertThat(a.media("1").rejectReason()).isEqualTo("no common codec");
    assertThat(a.description().bundleGroups().get(0).mids()).containsExactly("0");
    assertThat(a.media("0").accepted()).isTrue();
  }

  @Test
  void h264AnyProfileWithPacketizationModeOneIsAcceptedAndEchoed() {
    String fmtp = "profile-level-id=640032;packetization-mode=1;level-asymmetry-allowed=1";
    String text =
        Samples.text("libdatachannel-obs-h264")
            .replace(
                "profile-level-id=42e01f;packetization-mode=1;level-asymmetry-allowed=1", fmtp);
    SdpAnswer a = answer(SdpParser.parse(text));
    assertThat(lines(a.description().media().get(1)))
        .contains("a=rtpmap:96 H264/90000", "a=fmtp:96 " + fmtp, "a=recvonly");
    assertThat(a.media("1").codecs())
        .singleElement()
        .extracting(NegotiatedMedia.Codec::fmtp)
        .isEqualTo(fmtp);
  }

  @Test
  void obsOpusFmtpKeepsStereoAndAddsOurPreferences() {
    SdpAnswer a = answer(Samples.parse("libdatachannel-obs-h264-nocandidates"));
    assertThat(lines(a.description().media().get(0)))
        .contains(
            "a=fmtp:111 minptime=10;maxaveragebitrate=96000;stereo=1;sprop-stereo=1;useinbandfec=1");
    assertThat(a.remote().candidates()).isEmpty();
    assertThat(a.media("0").ssrcs()).containsExactly(1894923416L);
  }

  @Test
  void gstreamerBundleOnlySectionIsAcceptedIntoTheBundle() {
    SdpAnswer a = answer(Samples.parse("gstreamer-webrtcbin-h264"));
    assertThat(a.description().bundleGroups().get(0).mids()).containsExactly("video0", "audio1");
    MediaDescription audio = a.description().media().get(1);
    assertThat(audio.mid()).isEqualTo("audio1");
    assertThat(audio.port()).isEqualTo(40000);
    // Offer said sendrecv; WHIP only receives.
    assertThat(audio.direction()).isEqualTo(Direction.RECVONLY);
    assertThat(lines(audio))
        .contains(
            "a=rtpmap:97 OPUS/48000/2",
            "a=fmtp:97 sprop-stereo=0;sprop-maxcapturerate=48000;minptime=10;useinbandfec=1");
    assertThat(lines(a.description().media().get(0)))
        .anyMatch(s -> s.startsWith("a=fmtp:96 packetization-mode=1;sprop-parameter-sets="));
  }

  @Test
  void portZeroWithoutBundleOnlyIsRejectedAsInTheOffer() {
    String text = Samples.text("gstreamer-webrtcbin-vp8").replace("a=bundle-only\r\n", "");
    SdpAnswer a = answer(SdpParser.parse(text));
    assertThat(a.media("audio1").rejectReason()).isEqualTo("rejected in the offer (port 0)");
    assertThat(a.description().media().get(1).port()).isZero();
    assertThat(a.description().bundleGroups().get(0).mids()).containsExactly("video0");
  }

  @Test
  void setupRoleIsFlipped() {
    String base = Samples.text("werift-vp8");
    assertThat(answerSetup(base)).isEqualTo(Setup.PASSIVE);
    assertThat(answerSetup(base.replace("a=setup:actpass", "a=setup:active")))
        .isEqualTo(Setup.PASSIVE);
    assertThat(answerSetup(base.replace("a=setup:actpass", "a=setup:passive")))
        .isEqualTo(Setup.ACTIVE);
    assertThat(answerSetup(base.replace("a=setup:actpass\r\n", ""))).isEqualTo(Setup.PASSIVE);
    assertThatThrownBy(() -> answerSetup(base.replace("a=setup:actpass", "a=setup:holdconn")))
        .isInstanceOf(SdpException.class)
        .hasMessageContaining("holdconn");
  }

  private Setup answerSetup(String offer) {
    SdpAnswer a = answer(SdpParser.parse(offer));
    Setup written = a.description().media().get(0).first(Setup.class);
    assertThat(written).isEqualTo(a.remote().localSetup());
    return written;
  }

  @Test
  void dataChannelRejectedWhenOffAcceptedWhenOn() {
    SessionDescription offer = Samples.parse("chromium-recvonly-datachannel");
    SdpAnswer off = answer(offer);
    assertThat(lines(off.description().media().get(2)))
        .containsExactly(
            "m=application 0 UDP/DTLS/SCTP webrtc-datachannel", "c=IN IP4 0.0.0.0", "a=mid:2");
    assertThat(off.media("2").rejectReason()).isEqualTo("data channels are not accepted");
    assertThat(off.description().bundleGroups().get(0).mids()).containsExactly("0", "1");

    AnswerBuilder withData =
        new AnswerBuilder(ServerCapabilities.defaults().withDataChannels(true), LOCAL);
    SdpAnswer on = withData.answer(offer, new AnswerPolicy(false, Map.of()), 1, 1);
    assertThat(lines(on.description().media().get(2)))
        .contains(
            "m=application 40000 UDP/DTLS/SCTP webrtc-datachannel",
            "a=mid:2",
            "a=sctp-port:5000",
            "a=max-message-size:262144",
            "a=end-of-candidates")
        .noneMatch(s -> s.equals("a=sendrecv") || s.equals("a=rtcp-mux"));
    assertThat(on.description().bundleGroups().get(0).mids()).containsExactly("0", "1", "2");
    assertThat(on.media("2").sctpPort()).isEqualTo(5000);
    assertThat(on.media("2").maxMessageSize()).isEqualTo(262144);
    // No senders and no receiving: the RTP sections are inactive, not rejected.
    assertThat(on.media("0").direction()).isEqualTo(Direction.INACTIVE);
  }

  @Test
  void whepAnswerSendsWithOurMsidAndSsrcs() {
    SdpAnswer a = answer(Samples.parse("chromium-whep-recvonly"));
    List<String> video = lines(a.description().media().get(1));
    assertThat(video)
        .contains(
            "a=sendonly",
            "a=msid:PA_x TR_1",
            "a=ssrc-group:FID 1002 1003",
            "a=ssrc:1002 cname:sfu",
            "a=ssrc:1002 msid:PA_x TR_1",
            "a=ssrc:1003 cname:sfu")
        .noneMatch(s -> s.startsWith("a=rid") || s.startsWith("a=simulcast"));
    List<String> audio = lines(a.description().media().get(0));
    assertThat(audio).contains("a=sendonly", "a=msid:PA_x TR_0", "a=ssrc:1000 cname:sfu");
    // Opus has no RTX, so no FID group for audio.
    assertThat(audio).noneMatch(s -> s.startsWith("a=ssrc-group"));
    assertThat(a.media("1").direction()).isEqualTo(Direction.SENDONLY);
  }

  @Test
  void firefoxOfferUsesSessionLevelFingerprintAndDefaults() {
    SdpAnswer a = answer(Samples.parse("firefox-audio-video-sendonly"));
    MediaDescription video = a.description().media().get(1);
    // VP8, VP9 (no profile-id means 0), H.264 126 (pm=1); 97 has no packetization-mode (= 0).
    assertThat(video.formats()).containsExactly("120", "124", "121", "125", "126", "127");
    assertThat(a.media("1").ssrcGroups())
        .containsExactly(new SsrcGroup("FID", List.of(3311907364L, 1176528093L)));
    assertThat(a.remote().fingerprints().get(0).value()).startsWith("4C:2B");
    assertThat(a.remote().candidates()).hasSize(2);
    assertThat(lines(a.description().media().get(0)))
        .noneMatch(s -> s.contains("csrc-audio-level"));
  }

  @Test
  void offerWithoutBundleAcceptsOnlyTheFirstSection() {
    String text = Samples.text("werift-vp8").replace("a=group:BUNDLE 0 1\r\n", "");
    SdpAnswer a = answer(SdpParser.parse(text));
    assertThat(a.media("0").accepted()).isTrue();
    assertThat(a.media("1").rejectReason()).contains("BUNDLE is required");
  }

  @Test
  void unanswerableOffersThrow() {
    String noUfrag = Samples.text("werift-vp8").replaceAll("a=ice-ufrag:[^\r]*\r\n", "");
    assertThatThrownBy(() -> answer(SdpParser.parse(noUfrag)))
        .isInstanceOf(SdpException.class)
        .hasMessageContaining("ice-ufrag");
    String noFingerprint = Samples.text("werift-vp8").replaceAll("a=fingerprint:[^\r]*\r\n", "");
    assertThatThrownBy(() -> answer(SdpParser.parse(noFingerprint)))
        .hasMessageContaining("fingerprint");
    String noMid = Samples.text("werift-vp8").replace("a=mid:1\r\n", "");
    assertThatThrownBy(() -> answer(SdpParser.parse(noMid))).hasMessageContaining("no a=mid");
    String dupMid = Samples.text("werift-vp8").replace("a=mid:1\r\n", "a=mid:0\r\n");
    assertThatThrownBy(() -> answer(SdpParser.parse(dupMid))).hasMessageContaining("two m=");
  }

  @Test
  void plainRtpOrMissingRtcpMuxIsRejectedPerSection() {
    String text =
        Samples.text("werift-vp8").replaceFirst("m=audio 9 UDP/TLS/RTP/SAVPF", "m=audio 9 RTP/AVP");
    SdpAnswer a = answer(SdpParser.parse(text));
    assertThat(a.media("1").rejectReason()).startsWith("unsupported protocol RTP/AVP");
    String noMux = Samples.text("werift-h264").replace("a=rtcp-mux\r\n", "");
    SdpAnswer b = answer(SdpParser.parse(noMux));
    assertThat(b.accepted()).isEmpty();
    assertThat(b.remote()).isNull();
    assertThat(b.media("0").rejectReason()).isEqualTo("rtcp-mux is required");
  }

  @Test
  void redIsOnlyKeptWithTheCodecItWraps() {
    CodecCapability opusAsMono =
        new CodecCapability("audio", "opus", 48000, 1, Map.of(), List.of());
    AnswerBuilder noOpus =
        new AnswerBuilder(
            ServerCapabilities.defaults()
                .withCodecs(List.of(opusAsMono, CodecCapability.red(), CodecCapability.vp8())),
            LOCAL);
    SdpAnswer a =
        noOpus.answer(Samples.parse("chromium-audio-video-sendonly"), AnswerPolicy.whip(), 1, 1);
    assertThat(a.media("0").rejectReason()).isEqualTo("no common codec");
  }

  @Test
  void hostCandidatePriorityAndFoundationFollowRfc8445() {
    Candidate first = new HostCandidate("127.0.0.1", 40000).toCandidate(0);
    // 2^24 * 126 + 2^8 * 65535 + (256 - 1)
    assertThat(first.priority()).isEqualTo(2130706431L);
    Candidate second = new HostCandidate("192.0.2.2", 40000).toCandidate(1);
    assertThat(second.priority()).isEqualTo(2130706431L - 256);
    assertThat(second.foundation()).isNotEqualTo(first.foundation());
    assertThat(new HostCandidate("127.0.0.1", 50000).toCandidate(3).foundation())
        .isEqualTo(first.foundation());
    assertThat(first.attributeValue()).endsWith(" 1 udp 2130706431 127.0.0.1 40000 typ host");
    assertThatThrownBy(() -> new HostCandidate("example.com", 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
