package dev.sfumato.engine.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sfumato.engine.api.ConsumerId;
import dev.sfumato.engine.api.ProducerId;
import dev.sfumato.engine.api.RtcpFeedback;
import dev.sfumato.engine.api.RtpCodecParameters;
import dev.sfumato.engine.api.RtpEncodingParameters;
import dev.sfumato.engine.api.RtpHeaderExtensionParameters;
import dev.sfumato.engine.api.RtpParameters;
import dev.sfumato.engine.api.TransportId;
import dev.sfumato.engine.rtcp.Nack;
import dev.sfumato.engine.rtp.HeaderExtensionIds;
import dev.sfumato.engine.rtp.RtpPacket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Consumer rewriting without sockets or SRTP: a recording transport stands in for both sides. */
class ConsumerTest {

  static final class Recording implements MediaTransport {
    final List<byte[]> rtp = new ArrayList<>();
    final List<byte[]> rtcp = new ArrayList<>();

    @Override
    public TransportId id() {
      return new TransportId("TP_test");
    }

    @Override
    public boolean sendRtp(byte[] buf, int off, int len) {
      return rtp.add(Arrays.copyOfRange(buf, off, off + len));
    }

    @Override
    public boolean sendRtcp(byte[] buf, int off, int len) {
      return rtcp.add(Arrays.copyOfRange(buf, off, off + len));
    }
  }

  private final Recording pubSide = new Recording();
  private final Recording subSide = new Recording();
  private final ForwardBuffers fb = new ForwardBuffers();
  private final RtpPacket in = new RtpPacket();
  private final RtpPacket out = new RtpPacket();
  private long now = 1_000_000_000L;

  static RtpParameters params(String mime, int pt, long ssrc, long rtxSsrc, int rtxPt, int extId) {
    List<RtpCodecParameters> codecs = new ArrayList<>();
    codecs.add(
        new RtpCodecParameters(
            mime, pt, 90_000, 0, Map.of(), List.of(new RtcpFeedback("nack", ""))));
    if (rtxPt > 0) {
      codecs.add(
          new RtpCodecParameters("video/rtx", rtxPt, 90_000, 0, Map.of("apt", "" + pt), List.of()));
    }
    List<RtpHeaderExtensionParameters> ext =
        extId == 0
            ? List.of()
            : List.of(new RtpHeaderExtensionParameters(HeaderExtensionIds.ABS_SEND_TIME, extId));
    return new RtpParameters(
        "0", codecs, ext, List.of(new RtpEncodingParameters(ssrc, "", rtxSsrc)), "", true);
  }

  /** VP8 with a one-byte-form abs-send-time extension (id 3) and a keyframe or delta payload. */
  static byte[] packet(int seq, long ts, boolean keyframe) {
    byte[] p = new byte[12 + 8 + 10];
    p[0] = (byte) 0x90; // V=2, X=1
    p[1] = 96;
    p[2] = (byte) (seq >> 8);
    p[3] = (byte) seq;
    p[4] = (byte) (ts >> 24);
    p[5] = (byte) (ts >> 16);
    p[6] = (byte) (ts >> 8);
    p[7] = (byte) ts;
    p[11] = 7; // ssrc 7
    p[12] = (byte) 0xBE;
    p[13] = (byte) 0xDE;
    p[15] = 1; // one word of extensions
    p[16] = 0x32; // id 3, 3 bytes
    p[20] = 0x10;
    p[21] = (byte) (keyframe ? 0 : 1);
    p[24] = (byte) 0x9D;
    p[25] = 1;
    p[26] = 0x2A;
    return Arrays.copyOf(p, p.length);
  }

  private Producer producer() {
    return new Producer(new ProducerId("PR_x"), pubSide, params("video/VP8", 96, 7, 0, 97, 3), 99);
  }

  private void feed(Producer p, int seq, long ts, boolean keyframe) {
    byte[] b = packet(seq, ts, keyframe);
    assertThat(in.wrap(b, 0, b.length)).isTrue();
    p.onRtp(in, 0, false, now, fb);
    now += 10_000_000L;
  }

  private RtpPacket sent(int i) {
    byte[] b = subSide.rtp.get(i);
    assertThat(out.wrap(b, 0, b.length)).isTrue();
    return out;
  }

  @Test
  void waitsForKeyframeThenRewritesSsrcPayloadTypeAndExtensionIds() {
    Producer p = producer();
    Consumer c =
        new Consumer(new ConsumerId("CO_x"), subSide, p, params("video/VP8", 100, 555, 0, 0, 5));
    c.start(now, fb);
    feed(p, 10, 1000, false);
    assertThat(subSide.rtp).isEmpty(); // delta before the first keyframe
    feed(p, 11, 1000, true);
    feed(p, 12, 4000, false);
    assertThat(subSide.rtp).hasSize(2);
    RtpPacket first = sent(0);
    assertThat(first.ssrc()).isEqualTo(555);
    assertThat(first.payloadType()).isEqualTo(100);
    assertThat(first.findExtension(5)).isPositive(); // abs-send-time renumbered 3 → 5
    assertThat(first.findExtension(3)).isEqualTo(-1);
    assertThat(sent(1).sequenceNumber()).isEqualTo((sent(0).sequenceNumber() + 1) & 0xFFFF);
  }

  @Test
  void extensionTheSubscriberDidNotNegotiateIsStripped() {
    Producer p = producer();
    Consumer c =
        new Consumer(new ConsumerId("CO_x"), subSide, p, params("video/VP8", 100, 555, 0, 0, 0));
    c.start(now, fb);
    feed(p, 11, 1000, true);
    assertThat(sent(0).findExtension(3)).isEqualTo(-1);
  }

  @Test
  void sequenceAndTimestampStayContinuousAcrossPauseResume() {
    Producer p = producer();
    Consumer c =
        new Consumer(new ConsumerId("CO_x"), subSide, p, params("video/VP8", 100, 555, 0, 0, 0));
    c.start(now, fb);
    feed(p, 100, 90_000, true);
    feed(p, 101, 93_000, false);
    c.pause();
    feed(p, 102, 96_000, false);
    feed(p, 103, 99_000, false);
    c.resume(now, fb);
    feed(p, 104, 102_000, false); // not a keyframe: still waiting
    feed(p, 200, 500_000, true); // the keyframe after a publisher jump
    assertThat(subSide.rtp).hasSize(3);
    int seq1 = sent(1).sequenceNumber();
    long ts1 = sent(1).timestamp();
    RtpPacket after = sent(2);
    assertThat(after.sequenceNumber()).isEqualTo((seq1 + 1) & 0xFFFF);
    assertThat(after.timestamp()).isGreaterThan(ts1).isLessThan(ts1 + 90_000);
  }

  @Test
  void nackIsAnsweredFromTheBufferAsRtxWhenNegotiated() {
    Producer p = producer();
    Consumer c =
        new Consumer(
            new ConsumerId("CO_x"), subSide, p, params("video/VP8", 100, 555, 556, 101, 0));
    c.start(now, fb);
    feed(p, 11, 1000, true);
    feed(p, 12, 1000, false);
    int lost = sent(1).sequenceNumber();
    byte[] nack = new byte[32];
    int n = Nack.write(nack, 0, 1, 555, new int[] {lost, (lost + 5) & 0xFFFF}, 2);
    c.onNack(nack, 0, n, now, fb);
    assertThat(subSide.rtp).hasSize(3); // the never-sent one is not answered
    RtpPacket rtx = sent(2);
    assertThat(rtx.ssrc()).isEqualTo(556);
    assertThat(rtx.payloadType()).isEqualTo(101);
    int osn =
        ((rtx.buffer()[rtx.payloadOffset()] & 0xFF) << 8)
            | (rtx.buffer()[rtx.payloadOffset() + 1] & 0xFF);
    assertThat(osn).isEqualTo(lost);
  }

  @Test
  void noCommonCodecIsRefused() {
    Producer p = producer();
    assertThatThrownBy(
            () ->
                new Consumer(
                    new ConsumerId("CO_x"), subSide, p, params("video/H264", 100, 555, 0, 0, 0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keyframeRequestsToThePublisherAreRateLimited() {
    Producer p = producer();
    feed(p, 1, 0, true);
    p.requestKeyFrame(0, now, fb);
    p.requestKeyFrame(0, now + 100_000_000L, fb);
    p.requestKeyFrame(0, now + 600_000_000L, fb);
    assertThat(pubSide.rtcp).hasSize(2);
  }

  @Test
  void retransmissionBufferForgetsOverwrittenAndOldPackets() {
    RetransmissionBuffer b = new RetransmissionBuffer();
    byte[] pkt = packet(5, 0, true);
    byte[] outBuf = new byte[1600];
    b.store(5, pkt, 0, pkt.length, 0);
    assertThat(b.copy(5, 1000, outBuf, 0)).isEqualTo(pkt.length);
    assertThat(b.copy(5, RetransmissionBuffer.MAX_AGE_NANOS + 1, outBuf, 0)).isEqualTo(-1);
    b.store(5 + RetransmissionBuffer.CAPACITY, pkt, 0, pkt.length, 0);
    assertThat(b.copy(5, 1000, outBuf, 0)).isEqualTo(-1);
  }
}
