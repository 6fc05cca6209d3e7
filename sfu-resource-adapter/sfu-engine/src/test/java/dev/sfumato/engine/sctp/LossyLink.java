package dev.sfumato.engine.sctp;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * Two associations joined by an in-process link on a fake clock: packets are copied, delayed
 * (one-way {@code delayMillis} plus up to {@code jitterMillis}, which reorders), and with seeded
 * randomness dropped or duplicated. {@link #runUntil} advances the clock from event to event.
 */
final class LossyLink {

  private record Packet(long at, long seq, int to, byte[] data) {}

  final Random random;
  long now = 1_000_000_000L;
  double loss;
  double duplicate;
  int delayMillis = 10;
  int jitterMillis;
  long delivered;
  long dropped;

  final Recorder[] recorders = {new Recorder(), new Recorder()};
  final SctpAssociation[] ends = new SctpAssociation[2];
  private final PriorityQueue<Packet> queue =
      new PriorityQueue<>(
          (x, y) -> x.at != y.at ? Long.compare(x.at, y.at) : Long.compare(x.seq, y.seq));
  private long seq;

  /** Every packet each side sent, for tests that look at the wire. */
  final List<List<byte[]>> sent = List.of(new ArrayList<>(), new ArrayList<>());

  boolean recordWire;

  LossyLink(long seed, SctpConfig a, SctpConfig b) {
    this(seed, a, b, null, null);
  }

  /** With other listeners than the {@link Recorder}s (which then see nothing). */
  LossyLink(long seed, SctpConfig a, SctpConfig b, SctpListener la, SctpListener lb) {
    this.random = new Random(seed);
    ends[0] =
        new SctpAssociation(
            a, out(0), la != null ? la : recorders[0], () -> now, new Random(seed + 1));
    ends[1] =
        new SctpAssociation(
            b, out(1), lb != null ? lb : recorders[1], () -> now, new Random(seed + 2));
  }

  LossyLink(long seed) {
    this(seed, SctpConfig.webRtc(), SctpConfig.webRtc());
  }

  SctpAssociation a() {
    return ends[0];
  }

  SctpAssociation b() {
    return ends[1];
  }

  Recorder ra() {
    return recorders[0];
  }

  Recorder rb() {
    return recorders[1];
  }

  private SctpOutput out(int from) {
    return (buf, off, len) -> {
      byte[] copy = java.util.Arrays.copyOfRange(buf, off, off + len);
      if (recordWire) {
        sent.get(from).add(copy);
      }
      if (random.nextDouble() < loss) {
        dropped++;
        return;
      }
      enqueue(1 - from, copy);
      if (random.nextDouble() < duplicate) {
        enqueue(1 - from, copy);
      }
    };
  }

  private void enqueue(int to, byte[] data) {
    long delay = delayMillis * 1_000_000L;
    if (jitterMillis > 0) {
      delay += random.nextInt(jitterMillis * 1000) * 1_000L;
    }
    queue.add(new Packet(now + delay, seq++, to, data));
  }

  /** Injects a packet as if it came from the other side. */
  void inject(int to, byte[] data) {
    queue.add(new Packet(now, seq++, to, data));
  }

  void connectBoth() {
    ends[0].connect();
    ends[1].connect();
  }

  /** Runs events until {@code done} or {@code maxMillis} of fake time; returns done's value. */
  boolean runUntil(BooleanSupplier done, long maxMillis) {
    long end = now + maxMillis * 1_000_000L;
    while (!done.getAsBoolean()) {
      long next = Math.min(ends[0].nextTimeoutNanos(), ends[1].nextTimeoutNanos());
      Packet p = queue.peek();
      if (p != null && p.at <= next) {
        next = p.at;
      }
      if (next == Long.MAX_VALUE || next > end) {
        now = end;
        return done.getAsBoolean();
      }
      now = Math.max(now, next);
      if (p != null && p.at <= now) {
        queue.poll();
        delivered++;
        ends[p.to].receive(p.data, 0, p.data.length);
      } else {
        for (SctpAssociation s : ends) {
          if (s.nextTimeoutNanos() <= now) {
            s.onTimer(now);
          }
        }
      }
    }
    return true;
  }

  boolean established() {
    return ends[0].state() == SctpState.ESTABLISHED && ends[1].state() == SctpState.ESTABLISHED;
  }

  /** Records listener events. */
  static final class Recorder implements SctpListener {
    record Msg(int stream, int ppid, byte[] data, boolean ordered) {}

    int established;
    final List<Msg> messages = new ArrayList<>();
    final List<Integer> resets = new ArrayList<>();
    SctpCloseReason closed;
    long bytes;

    @Override
    public void associationEstablished() {
      established++;
    }

    @Override
    public void message(int streamId, int ppid, byte[] data, boolean ordered) {
      messages.add(new Msg(streamId, ppid, data, ordered));
      bytes += data.length;
    }

    @Override
    public void streamReset(int streamId) {
      resets.add(streamId);
    }

    @Override
    public void closed(SctpCloseReason reason) {
      closed = reason;
    }
  }
}
