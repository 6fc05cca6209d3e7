package dev.sfumato.engine.dtls;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntPredicate;

/**
 * Two sessions wired back to back through their queue transports, no sockets: what one side's
 * {@link DatagramSender} gets, the other side's {@code offer} receives. A filter per direction can
 * drop datagrams (by their index in that direction) to play a lossy or silent network.
 */
final class DtlsPair implements AutoCloseable {

  /** Shared by every test: generating a certificate costs a few milliseconds each. */
  static final DtlsCertificate CERT_A = DtlsCertificate.generate();

  static final DtlsCertificate CERT_B = DtlsCertificate.generate();

  final ExecutorService executor =
      new ThreadPoolExecutor(
          0, 16, 1, TimeUnit.SECONDS, new SynchronousQueue<>(), DtlsPair::thread);
  final RecordingListener listenerA = new RecordingListener();
  final RecordingListener listenerB = new RecordingListener();
  final AtomicInteger sentByA = new AtomicInteger();
  final AtomicInteger sentByB = new AtomicInteger();
  final AtomicReference<IntPredicate> dropFromA = new AtomicReference<>(i -> false);
  final AtomicReference<IntPredicate> dropFromB = new AtomicReference<>(i -> false);
  final DtlsSession a;
  final DtlsSession b;

  DtlsPair(DtlsConfig configA, DtlsConfig configB) {
    AtomicReference<DtlsSession> toB = new AtomicReference<>();
    AtomicReference<DtlsSession> toA = new AtomicReference<>();
    a = new DtlsSession(CERT_A, configA, wire(toB, sentByA, dropFromA), listenerA);
    b = new DtlsSession(CERT_B, configB, wire(toA, sentByB, dropFromB), listenerB);
    toB.set(b);
    toA.set(a);
  }

  DtlsPair() {
    this(DtlsConfig.defaults(), DtlsConfig.defaults());
  }

  /** Starts A in {@code roleOfA} and B in the other role, each expecting the other's cert. */
  void start(DtlsRole roleOfA) {
    start(roleOfA, CERT_B.fingerprint(), CERT_A.fingerprint());
  }

  void start(DtlsRole roleOfA, DtlsFingerprint aExpects, DtlsFingerprint bExpects) {
    DtlsRole roleOfB = roleOfA == DtlsRole.CLIENT ? DtlsRole.SERVER : DtlsRole.CLIENT;
    b.start(roleOfB, bExpects, executor);
    a.start(roleOfA, aExpects, executor);
  }

  /** Closes both and checks every executor task ended: no thread is left behind. */
  @Override
  public void close() throws InterruptedException {
    a.close();
    b.close();
    executor.shutdown();
    if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
      throw new AssertionError("DTLS executor tasks still running after close");
    }
  }

  private static DatagramSender wire(
      AtomicReference<DtlsSession> peer,
      AtomicInteger counter,
      AtomicReference<IntPredicate> drop) {
    return (buf, off, len) -> {
      int index = counter.getAndIncrement();
      if (!drop.get().test(index)) {
        peer.get().offer(buf, off, len);
      }
    };
  }

  private static Thread thread(Runnable task) {
    Thread thread = new Thread(task, "dtls-test");
    thread.setDaemon(true);
    return thread;
  }
}
