package dev.sfumato.engine.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The bounded queue between the media thread and the DTLS thread. */
class QueueDatagramTransportTest {

  private final List<byte[]> sent = new ArrayList<>();
  private final QueueDatagramTransport transport =
      new QueueDatagramTransport(
          (buf, off, len) -> sent.add(Arrays.copyOfRange(buf, off, off + len)), 8, 4000);

  @Test
  void limitsAreTheWorkersDatagramSizeInAnd1200Out() {
    assertThat(transport.getReceiveLimit()).isEqualTo(1500);
    assertThat(transport.getSendLimit()).isEqualTo(1200);
  }

  @Test
  void datagramsComeOutWholeAndInOrderAcrossTheRingsEnd() throws IOException {
    byte[] out = new byte[1500];
    int serial = 0;
    // 40 rounds of three sizes wrap the 4000-byte ring many times at shifting offsets.
    for (int round = 0; round < 40; round++) {
      for (int size : new int[] {1500, 13, 977}) {
        byte[] datagram = pattern(size, serial++);
        byte[] framed = new byte[size + 7];
        System.arraycopy(datagram, 0, framed, 5, size);
        assertThat(transport.offer(framed, 5, size)).isEqualTo(OfferResult.QUEUED);
      }
      for (int i = 3; i > 0; i--) {
        int len = transport.receive(out, 0, out.length, 10);
        assertThat(Arrays.copyOf(out, len)).isEqualTo(pattern(len, serial - i));
      }
    }
    assertThat(transport.isEmpty()).isTrue();
    assertThat(transport.dropped()).isZero();
  }

  @Test
  void aShortReceiveBufferTruncatesAndDiscardsTheRest() throws IOException {
    transport.offer(pattern(100, 1), 0, 100);
    transport.offer(pattern(20, 2), 0, 20);
    byte[] small = new byte[40];

    assertThat(transport.receive(small, 0, 40, 10)).isEqualTo(40);
    assertThat(small).isEqualTo(Arrays.copyOf(pattern(100, 1), 40));
    assertThat(transport.receive(small, 0, 40, 10)).isEqualTo(20);
  }

  @Test
  void boundsInRecordsAndBytesAreCountedDrops() {
    QueueDatagramTransport twoRecords = new QueueDatagramTransport((b, o, l) -> {}, 2, 1500);
    byte[] datagram = new byte[1200];

    assertThat(twoRecords.offer(datagram, 0, 400)).isEqualTo(OfferResult.QUEUED);
    // 400 + 1200 bytes would pass the 1500-byte bound; then two records fill the record bound.
    assertThat(twoRecords.offer(datagram, 0, 1200)).isEqualTo(OfferResult.DROPPED_QUEUE_FULL);
    assertThat(twoRecords.offer(datagram, 0, 100)).isEqualTo(OfferResult.QUEUED);
    assertThat(twoRecords.offer(datagram, 0, 100)).isEqualTo(OfferResult.DROPPED_QUEUE_FULL);
    assertThat(twoRecords.offer(datagram, 0, 12)).isEqualTo(OfferResult.DROPPED_TOO_SHORT);
    assertThat(twoRecords.offer(new byte[1501], 0, 1501)).isEqualTo(OfferResult.DROPPED_TOO_LARGE);
    twoRecords.close();
    assertThat(twoRecords.offer(datagram, 0, 100)).isEqualTo(OfferResult.DROPPED_CLOSED);

    assertThat(twoRecords.count(OfferResult.QUEUED)).isEqualTo(2);
    assertThat(twoRecords.count(OfferResult.DROPPED_QUEUE_FULL)).isEqualTo(2);
    assertThat(twoRecords.dropped()).isEqualTo(5);
  }

  @Test
  void receiveTimesOutWithMinusOne() throws IOException {
    long start = System.nanoTime();
    assertThat(transport.receive(new byte[1500], 0, 1500, 50)).isEqualTo(-1);
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(45));
  }

  @Test
  void closeWakesAReceiverBlockedWithoutTimeout() throws Exception {
    CompletableFuture<Integer> blocked =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return transport.receive(new byte[1500], 0, 1500, 0);
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(100);
    assertThat(blocked).isNotDone();

    transport.close();

    assertThatThrownBy(() -> blocked.get(2, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasRootCauseMessage("DTLS transport closed");
  }

  @Test
  void anInterruptedReceiverGetsInterruptedIoException() {
    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> transport.receive(new byte[1500], 0, 1500, 1000))
        .isInstanceOf(InterruptedIOException.class);
    assertThat(Thread.interrupted()).isTrue();
  }

  @Test
  void sendGoesToTheSenderUntilClosed() throws IOException {
    transport.send(pattern(30, 7), 0, 30);
    transport.close();
    transport.send(pattern(30, 8), 0, 30);

    assertThat(sent).hasSize(1);
    assertThat(sent.get(0)).isEqualTo(pattern(30, 7));
  }

  @Test
  void aThrowingSenderBecomesAnIoException() {
    QueueDatagramTransport broken =
        new QueueDatagramTransport(
            (b, o, l) -> {
              throw new IllegalStateException("no route");
            },
            1,
            1500);
    assertThatThrownBy(() -> broken.send(new byte[20], 0, 20)).isInstanceOf(IOException.class);
  }

  private static byte[] pattern(int size, int seed) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (seed * 31 + i);
    }
    return bytes;
  }
}
