package dev.sfumato.engine.rtcp;

import static dev.sfumato.engine.rtp.Hex.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sfumato.engine.codec.CodecKind;
import dev.sfumato.engine.codec.KeyframeDetector;
import dev.sfumato.engine.codec.Vp8PayloadDescriptor;
import dev.sfumato.engine.rtp.RtpPacket;
import dev.sfumato.engine.rtp.SdesItemExtension;
import dev.sfumato.engine.rtp.TransportCcExtension;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * STYLE.md hot path rule: reading RTP, RTCP and codec payloads allocates nothing per packet. The
 * JVM's per-thread allocation counter (com.sun.management) measures it directly.
 */
class ParsingAllocationTest {

  private static final int ITERATIONS = 100_000;

  private final RtpPacket rtp = new RtpPacket();
  private final RtcpCompound compound = new RtcpCompound();
  private final TransportCcFeedback transportCc = new TransportCcFeedback(256);
  private final ReportBlock block = new ReportBlock();
  private final Vp8PayloadDescriptor vp8 = new Vp8PayloadDescriptor();
  private final int[] lost = new int[64];
  private final int[] toNack = {100, 101, 103, 140};
  private final byte[] out = new byte[64];
  private final byte[][] rids = {{'q'}, {'h'}, {'f'}};

  private final byte[] rtpPacket =
      hex(
          "90 60 1234 0001e240 deadbeef // X=1 PT=96",
          "bede 0002 // one-byte extensions",
          "31 0102 // id=3 transport-wide seq",
          "40 68 // id=4 rid 'h'",
          "000000",
          "90 f0 802a 05 23 1002009d012a 8002e001 // VP8 key frame payload");
  private final byte[] rtcp =
      RtcpVectors.concat(
          RtcpVectors.senderReport(),
          RtcpVectors.sdesCname(),
          RtcpVectors.nack(),
          RtcpVectors.remb(),
          RtcpVectors.transportCc());

  @Test
  void parsingAllocatesNothingPerPacket() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported());
    long sink = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      sink += parseOnce(); // warm up: class init, JIT
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < ITERATIONS; i++) {
      sink += parseOnce();
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(sink).isNotZero();
    // One 16-byte object per iteration would be 1.6 MB; allow a little for the counter itself.
    assertThat(allocated).as("bytes allocated for %d packets", ITERATIONS).isLessThan(8 * 1024);
  }

  private long parseOnce() {
    long sum = 0;
    rtp.wrap(rtpPacket, 0, rtpPacket.length);
    sum += TransportCcExtension.read(rtp, 3);
    sum += SdesItemExtension.indexOf(rtp, 4, rids);
    if (KeyframeDetector.isKeyframe(
        CodecKind.VP8, rtpPacket, rtp.payloadOffset(), rtp.payloadLength())) {
      sum++;
    }
    vp8.wrap(rtpPacket, rtp.payloadOffset(), rtp.payloadLength());
    sum += vp8.pictureId();
    compound.wrap(rtcp, 0, rtcp.length);
    while (compound.next()) {
      int off = compound.packetOffset();
      int len = compound.packetLength();
      switch (compound.packetType()) {
        case RtcpHeader.SR:
          SenderReport.reportBlock(rtcp, off, 0, block);
          sum += block.jitter;
          break;
        case RtcpHeader.RTPFB:
          if (compound.count() == RtcpFeedback.FMT_NACK) {
            sum += Nack.lostSequences(rtcp, off, len, lost);
          } else if (transportCc.decode(rtcp, off, len) == RtcpStatus.OK) {
            sum += transportCc.deltaTicks(0);
          }
          break;
        case RtcpHeader.PSFB:
          sum += Remb.bitrate(rtcp, off);
          break;
        default:
          break;
      }
    }
    sum += Nack.write(out, 0, 1, 2, toNack, toNack.length);
    return sum;
  }
}
