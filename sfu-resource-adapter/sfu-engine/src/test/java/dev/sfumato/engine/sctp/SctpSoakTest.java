package dev.sfumato.engine.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded soak runs over the lossy link (5-20 % loss, duplication, jitter up to 40 ms): both
 * directions at once with messages up to 256 KiB; and a mix of reliable, max-retransmits and
 * lifetime-limited messages followed by stream resets and SHUTDOWN. Found two stalls while written
 * (a gap-acked chunk still marked for resend, and no T3 while the window blocked a resend).
 */
class SctpSoakTest {

  static LongStream seeds() {
    return LongStream.range(100, 124);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void bothDirectionsDeliverEverythingInOrder(long seed) {
    LossyLink link = new LossyLink(seed);
    link.connectBoth();
    assertThat(link.runUntil(link::established, 60_000)).isTrue();
    link.loss = 0.05 + (seed % 4) * 0.05;
    link.duplicate = 0.03;
    link.jitterMillis = (int) (seed % 40);
    Random r = new Random(seed);
    List<byte[]> sent = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      byte[] m = new byte[1 + r.nextInt(i % 7 == 0 ? 262_144 : 5000)];
      r.nextBytes(m);
      sent.add(m);
      SendOptions o = i % 5 == 0 ? SendOptions.UNORDERED : SendOptions.RELIABLE;
      assertThat(link.a().send(i % 3, 53, m, o)).isEqualTo(SendStatus.OK);
      assertThat(link.b().send(1, 51, m.clone(), SendOptions.RELIABLE)).isEqualTo(SendStatus.OK);
      link.runUntil(
          () -> link.a().bufferedAmount() < 512 * 1024 && link.b().bufferedAmount() < 512 * 1024,
          60_000);
    }
    assertThat(
            link.runUntil(
                () -> link.rb().messages.size() == 30 && link.ra().messages.size() == 30, 600_000))
        .isTrue();
    for (int i = 0; i < 30; i++) {
      assertThat(link.ra().messages.get(i).data()).isEqualTo(sent.get(i));
    }
    assertThat(link.rb().bytes).isEqualTo(link.ra().bytes);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void partialReliabilityThenResetThenShutdown(long seed) {
    LossyLink link = new LossyLink(seed);
    link.connectBoth();
    link.runUntil(link::established, 60_000);
    link.loss = 0.05 + (seed % 4) * 0.05;
    link.duplicate = 0.02;
    link.jitterMillis = (int) (seed % 30);
    Random r = new Random(seed);
    int reliable = 0;
    for (int i = 0; i < 150; i++) {
      int kind = r.nextInt(4);
      SendOptions o =
          switch (kind) {
            case 0 -> SendOptions.RELIABLE;
            case 1 -> new SendOptions(r.nextBoolean(), r.nextInt(3), -1);
            case 2 -> new SendOptions(r.nextBoolean(), -1, 50 + r.nextInt(300));
            default -> SendOptions.UNORDERED;
          };
      int sid = kind == 0 ? 0 : kind == 3 ? 9 : 1 + r.nextInt(4);
      reliable += kind == 0 || kind == 3 ? 1 : 0;
      int len = 1 + r.nextInt(r.nextInt(10) == 0 ? 40_000 : 3000);
      assertThat(link.a().send(sid, 53, new byte[len], o)).isEqualTo(SendStatus.OK);
      link.runUntil(() -> false, r.nextInt(20));
    }
    link.a().resetStream(1);
    link.a().resetStream(2);
    int expected = reliable;
    assertThat(
            link.runUntil(
                () ->
                    link.rb().messages.stream()
                                .filter(m -> m.stream() == 0 || m.stream() == 9)
                                .count()
                            == expected
                        && link.rb().resets.size() == 2
                        && link.a().bufferedAmount() == 0,
                900_000))
        .isTrue();
    link.a().shutdown();
    assertThat(link.runUntil(() -> link.ra().closed != null && link.rb().closed != null, 900_000))
        .isTrue();
    assertThat(link.ra().closed).isEqualTo(SctpCloseReason.SHUTDOWN);
    assertThat(link.rb().closed).isEqualTo(SctpCloseReason.SHUTDOWN);
  }
}
