package dev.sfumato.bench;

import dev.sfumato.engine.api.ConsumerId;
import dev.sfumato.engine.api.ProducerId;
import dev.sfumato.engine.api.TransportId;
import dev.sfumato.engine.forward.Consumer;
import dev.sfumato.engine.forward.ForwardBuffers;
import dev.sfumato.engine.forward.MediaTransport;
import dev.sfumato.engine.forward.Producer;
import dev.sfumato.engine.rtp.RtpPacket;
import dev.sfumato.engine.srtp.SrtpContext;
import dev.sfumato.engine.srtp.SrtpContexts;
import dev.sfumato.engine.srtp.SrtpProfile;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The forwarding step without sockets: one decrypted 1200-byte VP8 packet enters {@link
 * Producer#onRtp} (stream accounting, retransmission-buffer copy, keyframe check) and leaves
 * through N {@link Consumer}s (copy, SSRC/PT/sequence/timestamp rewrite, extension-id remap), each
 * on its own {@link MediaTransport} that SRTP-protects the packet with that subscriber's keys
 * exactly as {@code WebRtcTransport.sendRtp} does, then drops it instead of {@code
 * UdpEndpoint.send}.
 *
 * <p>Scores are per OUTPUT packet ({@code @OperationsPerInvocation(N)}): the producer's per-input
 * cost is spread over the N outputs, so {@code forward1} carries all of it. B/op is per output
 * packet too.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ForwardBenchmark {

  private static final long PUBLISHER_SSRC = 0x0A0B_0C0DL;

  /** A transport whose send is a no-op after SRTP protect, as the socket seam allows. */
  static final class ProtectOnlyTransport implements MediaTransport {
    private final TransportId id = TransportId.random();
    private final SrtpContext outbound;
    long bytes;
    long packets;

    ProtectOnlyTransport(SrtpContext outbound) {
      this.outbound = outbound;
    }

    @Override
    public TransportId id() {
      return id;
    }

    @Override
    public boolean sendRtp(byte[] buf, int off, int len) {
      int n = outbound == null ? len : outbound.protectRtp(buf, off, len);
      if (n < 0) {
        return false;
      }
      bytes += n; // where UdpEndpoint.send would copy into its direct buffer
      packets++;
      return true;
    }

    @Override
    public boolean sendRtcp(byte[] buf, int off, int len) {
      return true; // the publisher's side: NACK/PLI/RR go nowhere here
    }
  }

  /** One producer, {@link #fanOut()} consumers, and the packet the publisher sends next. */
  @State(Scope.Thread)
  public abstract static class Fan {
    @Param({"AEAD_AES_128_GCM", "AES128_CM_HMAC_SHA1_80"})
    public SrtpProfile profile;

    final ForwardBuffers fb = new ForwardBuffers();
    final RtpPacket in = new RtpPacket();
    final byte[] buf = new byte[ForwardBuffers.MTU + ForwardBuffers.TAILROOM];
    ProtectOnlyTransport[] subscribers;
    Producer producer;
    int seq = 1000;
    long ts = 3000;
    long now = 1_000_000_000L;
    long inputs;

    /** Every consumer must have forwarded (nearly) every input, or the score measured drops. */
    @TearDown
    public void check() {
      for (ProtectOnlyTransport t : subscribers) {
        if (t.packets < inputs * 0.999) {
          throw new IllegalStateException(t.packets + " forwarded of " + inputs + " inputs");
        }
      }
    }

    abstract int fanOut();

    @Setup
    public void setUp() {
      Random random = new Random(fanOut());
      producer =
          new Producer(
              ProducerId.random(),
              new ProtectOnlyTransport(null),
              BenchPackets.publisher(PUBLISHER_SSRC),
              1);
      subscribers = new ProtectOnlyTransport[fanOut()];
      for (int i = 0; i < subscribers.length; i++) {
        byte[] material = new byte[profile.keyingMaterialLength()];
        random.nextBytes(material);
        subscribers[i] =
            new ProtectOnlyTransport(
                SrtpContexts.fromDtlsKeyingMaterial(material, profile, false).outbound());
        Consumer c =
            new Consumer(
                ConsumerId.random(),
                subscribers[i],
                producer,
                BenchPackets.subscriber(0x2000_0000L + i));
        c.start(now, fb);
      }
      random.nextBytes(buf);
      // a keyframe first, so every consumer starts forwarding
      next(true);
      if (subscribers[0].bytes == 0) {
        throw new IllegalStateException("the keyframe was not forwarded");
      }
    }

    final Consumer[] consumers() {
      return producer.consumers();
    }

    /** One input packet (the sequence number and timestamp move on as a 30 fps stream's do). */
    final void next(boolean keyframe) {
      seq = (seq + 1) & 0xFFFF;
      if ((seq & 3) == 0) {
        ts += 3000;
      }
      now += 250_000; // 4,000 packets/s
      inputs++;
      BenchPackets.vp8(buf, seq, ts, PUBLISHER_SSRC, keyframe);
      in.wrap(buf, 0, BenchPackets.LENGTH);
      producer.onRtp(in, 0, false, now, fb);
    }
  }

  public static class Fan1 extends Fan {
    @Override
    int fanOut() {
      return 1;
    }
  }

  public static class Fan10 extends Fan {
    @Override
    int fanOut() {
      return 10;
    }
  }

  public static class Fan100 extends Fan {
    @Override
    int fanOut() {
      return 100;
    }
  }

  @Benchmark
  @OperationsPerInvocation(1)
  public long forward1(Fan1 s) {
    s.next(false);
    return s.subscribers[0].bytes;
  }

  @Benchmark
  @OperationsPerInvocation(10)
  public long forward10(Fan10 s) {
    s.next(false);
    return s.subscribers[0].bytes;
  }

  @Benchmark
  @OperationsPerInvocation(100)
  public long forward100(Fan100 s) {
    s.next(false);
    return s.subscribers[0].bytes;
  }
}
