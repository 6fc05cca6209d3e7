package dev.sfumato.engine.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Peer datagrams into a server-side session: whatever arrives, {@code offer} returns a result
 * without throwing, nothing escapes the DTLS thread, and the session ends within a bound once
 * closed. The input is a sequence of datagrams, each a 16-bit big-endian length then its bytes (the
 * last one cut short if the input ends); seeds include a real ClientHello of our client.
 */
class DtlsSessionFuzzTest {

  private static final ExecutorService POOL =
      new ThreadPoolExecutor(
          0,
          64,
          1,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          task -> {
            Thread thread = new Thread(task, "dtls-fuzz");
            thread.setDaemon(true);
            return thread;
          });

  private static final DtlsConfig CONFIG =
      DtlsConfig.defaults().withHandshakeTimeout(Duration.ofSeconds(5));

  @FuzzTest(maxDuration = "60s")
  void randomDatagramsIntoAServerSession(byte[] input) throws Exception {
    AtomicInteger answered = new AtomicInteger();
    RecordingListener listener = new RecordingListener();
    TrackingExecutor executor = new TrackingExecutor();
    DtlsSession session =
        new DtlsSession(DtlsPair.CERT_A, CONFIG, (b, o, l) -> answered.incrementAndGet(), listener);
    session.start(DtlsRole.SERVER, DtlsPair.CERT_B.fingerprint(), executor);

    for (int at = 0; at < input.length; ) {
      int len = at + 1 < input.length ? (input[at] & 0xFF) << 8 | (input[at + 1] & 0xFF) : 0;
      int from = Math.min(at + 2, input.length);
      len = Math.min(len, input.length - from);
      assertThat(session.offer(input, from, len)).isNotNull();
      at = from + len;
    }
    awaitDrained(session); // let Bouncy Castle parse what it got before closing
    session.close();

    assertThat(executor.awaitIdle(5, TimeUnit.SECONDS)).as("DTLS task ended").isTrue();
    assertThat(executor.escaped.get()).as("nothing escapes the DTLS thread").isNull();
    assertThat(session.state()).isIn(DtlsState.FAILED, DtlsState.CLOSED);
    assertThat(listener.terminalCalls).hasValue(1);
  }

  @Test
  void theClientHelloSeedIsRealAndTheServerAnswersIt() throws Exception {
    byte[] seed;
    try (InputStream in =
        getClass()
            .getResourceAsStream(
                "DtlsSessionFuzzTestInputs/randomDatagramsIntoAServerSession/client_hello")) {
      seed = in.readAllBytes();
    }
    CountDownLatch answered = new CountDownLatch(1);
    DtlsSession session =
        new DtlsSession(
            DtlsPair.CERT_A, CONFIG, (b, o, l) -> answered.countDown(), new RecordingListener());
    session.start(DtlsRole.SERVER, DtlsPair.CERT_B.fingerprint(), POOL);
    session.offer(seed, 2, seed.length - 2);

    assertThat(answered.await(5, TimeUnit.SECONDS)).as("ServerHello flight sent").isTrue();
    session.close();
  }

  private static void awaitDrained(DtlsSession session) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
    while (!session.transport().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
  }

  /** Runs tasks on the shared pool, counts the outstanding ones and keeps any escaped throwable. */
  private static final class TrackingExecutor implements Executor {
    final AtomicReference<Throwable> escaped = new AtomicReference<>();
    private final AtomicInteger outstanding = new AtomicInteger();

    @Override
    public void execute(Runnable task) {
      outstanding.incrementAndGet();
      POOL.execute(
          () -> {
            try {
              task.run();
            } catch (Throwable t) {
              escaped.compareAndSet(null, t);
            } finally {
              outstanding.decrementAndGet();
            }
          });
    }

    boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
      long deadline = System.nanoTime() + unit.toNanos(timeout);
      while (outstanding.get() > 0) {
        if (System.nanoTime() > deadline) {
          return false;
        }
        Thread.sleep(1);
      }
      return true;
    }
  }
}
