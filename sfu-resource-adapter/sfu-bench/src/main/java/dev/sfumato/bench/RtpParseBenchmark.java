package dev.sfumato.bench;

import dev.sfumato.engine.rtp.AbsSendTimeExtension;
import dev.sfumato.engine.rtp.RtpPacket;
import dev.sfumato.engine.rtp.TransportCcExtension;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * RTP parsing on the receive path: {@link RtpPacket#wrap} (RFC 3550 §5.1 validation of a 1200-byte
 * packet with an RFC 8285 one-byte extension block) and the header-extension lookups the engine
 * does per packet (transport-cc, abs-send-time, mid). Expected: tens of ns and 0 B/op ({@code -prof
 * gc}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RtpParseBenchmark {

  private final byte[] buf = new byte[1500];
  private final RtpPacket packet = new RtpPacket();

  @Setup
  public void setUp() {
    BenchPackets.vp8(buf, 4242, 90_000, 0x1234_5678L, false);
    packet.wrap(buf, 0, BenchPackets.LENGTH); // for findTransportCc
  }

  /** Validation only: version, CSRC count, extension block bounds, padding. */
  @Benchmark
  public int wrap() {
    return packet.wrap(buf, 0, BenchPackets.LENGTH) ? packet.payloadOffset() : -1;
  }

  /** Validation plus the three extension lookups; the sum keeps every result alive. */
  @Benchmark
  public int wrapAndFindExtensions() {
    RtpPacket p = packet;
    if (!p.wrap(buf, 0, BenchPackets.LENGTH)) {
      return -1;
    }
    int tcc = TransportCcExtension.read(p, BenchPackets.TRANSPORT_CC_ID);
    int abs = AbsSendTimeExtension.read(p, BenchPackets.ABS_SEND_TIME_ID);
    int mid = p.findExtension(BenchPackets.MID_ID);
    return tcc + abs + mid + p.sequenceNumber() + (int) p.ssrc();
  }

  /** One lookup on an already wrapped packet (the element is the last of three). */
  @Benchmark
  public int findTransportCc() {
    return TransportCcExtension.read(packet, BenchPackets.TRANSPORT_CC_ID);
  }
}
