package dev.sfumato.rooms.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

class SdpParserTest {
  static final List<String> SAMPLES = Samples.ALL;

  private static final String MINIMAL =
      "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
          + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\na=rtpmap:111 opus/48000/2\r\n";

  @ParameterizedTest
  @FieldSource("SAMPLES")
  void everySampleParsesAndRoundTrips(String name) {
    SessionDescription sd = Samples.parse(name);
    assertThat(sd.media()).isNotEmpty();
    String written = sd.write();
    assertThat(written).endsWith("\r\n").doesNotContain("\r\r").doesNotContain("\n\n");
    assertThat(SdpParser.parse(written)).isEqualTo(sd);
    assertThat(SdpParser.parse(written).write()).isEqualTo(written);
  }

  @ParameterizedTest
  @FieldSource("SAMPLES")
  void writerReproducesCapturedTextLineByLine(String name) {
    // Every captured stack writes canonical single-space fields, so nothing may change.
    List<String> original = Samples.text(name).lines().filter(l -> !l.isEmpty()).toList();
    List<String> written = Samples.parse(name).write().lines().toList();
    assertThat(written).containsExactlyInAnyOrderElementsOf(original);
  }

  @Test
  void chromiumSimulcastOfferIsFullyTyped() {
    SessionDescription sd = Samples.parse("chromium-simulcast");
    MediaDescription video = sd.media().get(1);
    assertThat(video.mid()).isEqualTo("1");
    assertThat(video.direction()).isEqualTo(Direction.SENDONLY);
    assertThat(video.all(Rid.class))
        .containsExactly(
            new Rid("q", Rid.Dir.SEND, ""),
            new Rid("h", Rid.Dir.SEND, ""),
            new Rid("f", Rid.Dir.SEND, ""));
    Simulcast sc = video.first(Simulcast.class);
    assertThat(sc.sendRids()).containsExactly("q", "h", "f");
    assertThat(sc.recv()).isEmpty();
    assertThat(video.rtpMap(102)).isEqualTo(new RtpMap(102, "H264", 90000, 0));
    assertThat(video.fmtp(102).parameters())
        .containsEntry("packetization-mode", "1")
        .containsEntry("profile-level-id", "42001f");
    assertThat(video.rtcpFb(96)).contains(new RtcpFb(96, "nack", "pli"));
    assertThat(video.all(ExtMap.class))
        .contains(new ExtMap(10, null, "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id", ""));
    assertThat(sd.has(Flag.EXTMAP_ALLOW_MIXED)).isTrue();
    assertThat(sd.bundleGroups()).containsExactly(new Group("BUNDLE", List.of("0", "1")));
    Candidate c = sd.media().get(0).first(Candidate.class);
    assertThat(c.address()).endsWith(".local");
    assertThat(c.type()).isEqualTo("host");
    assertThat(c.extensions()).contains(new Candidate.Extension("network-cost", "999"));
    // msid-semantic is not modelled: it is kept verbatim, leading space included.
    assertThat(sd.first(Attribute.Other.class).name()).isEqualTo("msid-semantic");
  }

  @Test
  void gstreamerOfferHasTokenMidsAndBundleOnlySection() {
    SessionDescription sd = Samples.parse("gstreamer-webrtcbin-h264");
    assertThat(sd.media()).extracting(MediaDescription::mid).containsExactly("video0", "audio1");
    MediaDescription audio = sd.media().get(1);
    assertThat(audio.port()).isZero();
    assertThat(audio.has(Flag.BUNDLE_ONLY)).isTrue();
    assertThat(audio.isRejected()).isFalse();
    assertThat(sd.directionFor(audio)).isEqualTo(Direction.SENDRECV);
    assertThat(sd.iceOptionsFor(audio)).containsExactly("trickle");
    assertThat(audio.has(Flag.RTCP_MUX_ONLY)).isTrue();
  }

  @Test
  void firefoxSessionLevelAttributesApplyToMedia() {
    SessionDescription sd = Samples.parse("firefox-audio-video-sendonly");
    MediaDescription audio = sd.media().get(0);
    assertThat(sd.fingerprintsFor(audio)).hasSize(1);
    assertThat(audio.all(Fingerprint.class)).isEmpty();
    assertThat(sd.iceUfragFor(audio)).isEqualTo("5e2b9c1a");
    assertThat(sd.directionFor(audio)).isEqualTo(Direction.SENDONLY);
    assertThat(audio.all(ExtMap.class))
        .contains(
            new ExtMap(2, Direction.RECVONLY, "urn:ietf:params:rtp-hdrext:csrc-audio-level", ""));
    MediaDescription video = sd.media().get(1);
    assertThat(video.first(SsrcGroup.class))
        .isEqualTo(new SsrcGroup("FID", List.of(3311907364L, 1176528093L)));
    assertThat(audio.all(Candidate.class).get(1).extensions())
        .containsExactly(new Candidate.Extension("tcptype", "active"));
  }

  @Test
  void libdatachannelOfferWithLfLineEndsAndNoCandidates() {
    SessionDescription sd = Samples.parse("libdatachannel-obs-h264-nocandidates");
    assertThat(sd.media()).hasSize(2);
    assertThat(sd.media().get(0).all(Candidate.class)).isEmpty();
    assertThat(sd.media().get(1).first(Msid.class)).isEqualTo(new Msid("obs-stream", "obs-video"));
    assertThat(sd.media().get(1).ssrcAttribute(3712452901L, "cname")).isEqualTo("obs-cname");
  }

  @Test
  void unknownAttributesAreKeptVerbatim() {
    SessionDescription sd =
        SdpParser.parse(MINIMAL + "a=x-google-flag:conference\r\na=framerate:30\r\na=foo\r\n");
    assertThat(sd.media().get(0).attributes())
        .contains(
            new Attribute.Other("x-google-flag", "conference"),
            new Attribute.Other("framerate", "30"),
            new Attribute.Other("foo", null));
  }

  @Test
  void simulcastWithPausedAndAlternatives() {
    Simulcast sc = Simulcast.parse("send 1,~4;2;3 recv c");
    assertThat(sc.send().get(0))
        .containsExactly(new Simulcast.Stream("1", false), new Simulcast.Stream("4", true));
    assertThat(sc.sendRids()).containsExactly("1", "4", "2", "3");
    assertThat(sc.recvRids()).containsExactly("c");
    assertThat(sc.attributeValue()).isEqualTo("send 1,~4;2;3 recv c");
  }

  @Test
  void candidateWithRelatedAddress() {
    Candidate c =
        Candidate.parse(
            "842163049 1 udp 1677729535 203.0.113.7 61665 typ srflx raddr 10.0.0.2 rport 61665"
                + " generation 0 ufrag abcd");
    assertThat(c.relatedAddress()).isEqualTo("10.0.0.2");
    assertThat(c.relatedPort()).isEqualTo(61665);
    assertThat(c.extensions()).hasSize(2);
    assertThat(Candidate.parse(c.attributeValue())).isEqualTo(c);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "missing version | o=- 1 1 IN IP4 0.0.0.0\\ns=-\\n | 1 | expected 'v=' line",
        "wrong version | v=1\\no=- 1 1 IN IP4 0.0.0.0\\ns=-\\n | 1 | unsupported protocol version",
        "short origin | v=0\\no=- 1 IN IP4 0.0.0.0\\ns=-\\n | 2 | o= must be",
        "no equals | v=0\\no=- 1 1 IN IP4 0.0.0.0\\ns=-\\nhello\\n | 4 | expected '<type>=<value>'",
        "unknown type | v=0\\no=- 1 1 IN IP4 0.0.0.0\\ns=-\\nx=1\\n | 4 | unknown or misplaced",
        "bad m port | v=0\\no=- 1 1 IN IP4 0.0.0.0\\ns=-\\nm=audio 70000 RTP/AVP 0\\n | 4 | out of range",
        "m without format | v=0\\no=- 1 1 IN IP4 0.0.0.0\\ns=-\\nm=audio 9 RTP/AVP\\n | 4 | m= must be",
        "rtpmap pt | @MINIMAL@a=rtpmap:300 VP8/90000\\n | 9 | payload type 300 is out of range",
        "rtpmap clock | @MINIMAL@a=rtpmap:96 VP8/abc\\n | 9 | clock rate is not a number",
        "extmap id 0 | @MINIMAL@a=extmap:0 urn:x\\n | 9 | a=extmap id 0 is out of range",
        "extmap dir | @MINIMAL@a=extmap:1/upward urn:x\\n | 9 | unknown direction",
        "candidate | @MINIMAL@a=candidate:1 1 udp 100 1.2.3.4 9 host\\n | 9 | a=candidate must be",
        "cand ext | @MINIMAL@a=candidate:1 1 udp 100 1.2.3.4 9 typ host gen\\n | 9 | pairs",
        "setup | @MINIMAL@a=setup:both\\n | 9 | a=setup must be",
        "fingerprint | @MINIMAL@a=fingerprint:sha-256 XYZ\\n | 9 | not colon-separated hex",
        "ufrag | @MINIMAL@a=ice-ufrag:bad ufrag\\n | 9 | invalid character",
        "ssrc | @MINIMAL@a=ssrc:4294967296 cname:x\\n | 9 | out of range",
        "rid | @MINIMAL@a=rid:q sideways\\n | 9 | send or recv",
        "simulcast | @MINIMAL@a=simulcast:send q;;f\\n | 9 | rid id",
        "mid | @MINIMAL@a=mid:\\n | 9 | a=mid is not a valid token",
        "media line type | @MINIMAL@t=0 0\\n | 9 | not allowed in a media section",
      })
  void malformedLinesAreReportedWithTheirNumber(
      String name, String text, int line, String message) {
    String sdp =
        text.replace("@MINIMAL@", MINIMAL.replace("\r\n", "\n") + "a=sendonly\n")
            .replace("\\n", "\n");
    assertThatThrownBy(() -> SdpParser.parse(sdp))
        .isInstanceOf(SdpException.class)
        .hasMessageStartingWith("line " + line + ": ")
        .hasMessageContaining(message)
        .extracting(e -> ((SdpException) e).line())
        .isEqualTo(line);
  }

  @Test
  void limitsAreEnforced() {
    assertThatThrownBy(() -> SdpParser.parse("")).isInstanceOf(SdpException.class);
    assertThatThrownBy(() -> SdpParser.parse(null)).isInstanceOf(SdpException.class);
    String big = MINIMAL + ("a=x:" + "y".repeat(1000) + "\r\n").repeat(70);
    assertThatThrownBy(() -> SdpParser.parse(big)).hasMessageContaining("larger than 65536");
    String longLine = MINIMAL + "a=x:" + "y".repeat(5000) + "\r\n";
    assertThatThrownBy(() -> SdpParser.parse(longLine))
        .hasMessage("line 8: line is longer than 4096 characters");
    String many = MINIMAL + "m=audio 9 RTP/AVP 0\r\n".repeat(64);
    assertThatThrownBy(() -> SdpParser.parse(many)).hasMessageContaining("more than 64 m=");
    assertThatThrownBy(() -> SdpParser.parse(MINIMAL + "a=x:\u0000\r\n"))
        .hasMessageContaining("control character");
    assertThatThrownBy(() -> SdpParser.parse("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\n"))
        .hasMessageContaining("ends before");
  }

  @Test
  void blankLinesAndLfAreAccepted() {
    SessionDescription crlf = SdpParser.parse(MINIMAL);
    SessionDescription lf = SdpParser.parse(MINIMAL.replace("\r\n", "\n") + "\n\n");
    assertThat(lf).isEqualTo(crlf);
  }

  @Test
  void modelRejectsWhatTheWriterCouldNotWriteSafely() {
    assertThatThrownBy(() -> new Attribute.Other("x", "a\r\nm=video"))
        .isInstanceOf(SdpException.class);
    assertThatThrownBy(() -> new SdpLine('b', "AS:1\nx")).isInstanceOf(SdpException.class);
    assertThatThrownBy(() -> new Fmtp(96, " padded")).isInstanceOf(SdpException.class);
  }
}
