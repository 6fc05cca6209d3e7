package dev.sfumato.bench.sctp;

import dev.sfumato.engine.sctp.SctpAssociation;
import dev.sfumato.engine.sctp.SctpCloseReason;
import dev.sfumato.engine.sctp.SctpConfig;
import dev.sfumato.engine.sctp.SctpListener;
import dev.sfumato.engine.sctp.SctpOutput;
import dev.sfumato.engine.sctp.SctpState;
import dev.sfumato.engine.sctp.SendOptions;
import dev.sfumato.engine.sctp.SendStatus;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reliable, ordered throughput of one SCTP association pair (RFC 9260) on one thread: both ends in
 * this JVM, joined by an in-process link without loss that copies every packet (as DTLS would hand
 * over a fresh record). The clock is fake and jumps to the next timer only when no packet is in
 * flight (the delayed SACK of a last odd packet), so the score is CPU cost alone: CRC32c both ways,
 * chunk encode/decode, SACK processing, reassembly and the copies.
 *
 * <p>One operation = one message of {@code size} bytes sent on stream 1 (PPID 53) while keeping up
 * to 1 MiB queued, until the receiver has it. MB/s = ops/s × size / 10^6 (README table).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SctpThroughputBenchmark {

  @Param({"1024", "65536"})
  public int size;

  private final ArrayDeque<byte[]> toA = new ArrayDeque<>();
  private final ArrayDeque<byte[]> toB = new ArrayDeque<>();
  private long now = 1_000_000_000L;
  private long received;
  private SctpAssociation a;
  private SctpAssociation b;
  private byte[] message;

  @Setup(Level.Trial)
  public void setUp() {
    SctpListener sink =
        new SctpListener() {
          @Override
          public void associationEstablished() {}

          @Override
          public void message(int streamId, int ppid, byte[] data, boolean ordered) {
            received++;
          }

          @Override
          public void streamReset(int streamId) {}

          @Override
          public void closed(SctpCloseReason reason) {
            throw new IllegalStateException("closed: " + reason);
          }
        };
    a = new SctpAssociation(SctpConfig.webRtc(), link(toB), sink, () -> now, new Random(1));
    b = new SctpAssociation(SctpConfig.webRtc(), link(toA), sink, () -> now, new Random(2));
    a.connect();
    b.connect();
    pump(() -> a.state() == SctpState.ESTABLISHED && b.state() == SctpState.ESTABLISHED);
    message = new byte[size];
    new Random(3).nextBytes(message);
  }

  /** Retransmissions would mean the fake clock let a timer fire spuriously: report them. */
  @TearDown(Level.Trial)
  public void report() {
    System.out.println(
        "\nreceived "
            + received
            + " retransmissions "
            + a.retransmissions()
            + " packets "
            + a.packetsSent()
            + "/"
            + b.packetsSent()
            + " cwnd "
            + a.congestionWindow());
  }

  private static SctpOutput link(ArrayDeque<byte[]> to) {
    return (buf, off, len) -> to.add(Arrays.copyOfRange(buf, off, off + len));
  }

  /** Sends one message (the association owns it: a fresh copy each time) and waits for it. */
  @Benchmark
  public long sendOneMessage() {
    long target = received + 1;
    byte[] copy = message.clone();
    SendStatus s;
    while ((s = a.send(1, 53, copy, SendOptions.RELIABLE)) == SendStatus.BUFFER_FULL) {
      step();
    }
    if (s != SendStatus.OK) {
      throw new IllegalStateException(s.toString());
    }
    // keep the pipe full: return as soon as the buffer has room again, drain at the end of trial
    while (a.bufferedAmount() > (1 << 20) - size && received < target) {
      step();
    }
    return received;
  }

  private void pump(java.util.function.BooleanSupplier done) {
    for (int i = 0; i < 1_000_000 && !done.getAsBoolean(); i++) {
      step();
    }
  }

  /** Delivers one queued packet, or when none is queued, runs the next timer. */
  private void step() {
    byte[] p = toB.poll();
    if (p != null) {
      b.receive(p, 0, p.length);
      return;
    }
    p = toA.poll();
    if (p != null) {
      a.receive(p, 0, p.length);
      return;
    }
    now = Math.max(now, Math.min(a.nextTimeoutNanos(), b.nextTimeoutNanos()));
    a.onTimer(now);
    b.onTimer(now);
  }
}
