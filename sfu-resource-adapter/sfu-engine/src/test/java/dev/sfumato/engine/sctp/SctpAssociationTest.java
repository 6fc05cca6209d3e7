package dev.sfumato.engine.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SctpAssociationTest {

  private static byte[] message(Random r, int len, int tag) {
    byte[] m = new byte[len];
    r.nextBytes(m);
    if (len >= 4) {
      m[0] = (byte) (tag >>> 24);
      m[1] = (byte) (tag >>> 16);
      m[2] = (byte) (tag >>> 8);
      m[3] = (byte) tag;
    }
    return m;
  }

  private static LossyLink connected(long seed) {
    LossyLink link = new LossyLink(seed);
    link.connectBoth();
    assertThat(link.runUntil(link::established, 5_000)).isTrue();
    return link;
  }

  @Test
  void crossingInitsEstablishBothSidesOnce() {
    LossyLink link = connected(1);
    assertThat(link.ra().established).isEqualTo(1);
    assertThat(link.rb().established).isEqualTo(1);
  }

  @Test
  void oneSidedConnectEstablishes() {
    LossyLink link = new LossyLink(2);
    link.a().connect();
    assertThat(link.runUntil(link::established, 5_000)).isTrue();
  }

  @Test
  void handshakeSurvivesLoss() {
    LossyLink link = new LossyLink(3);
    link.loss = 0.3;
    link.connectBoth();
    assertThat(link.runUntil(link::established, 60_000)).isTrue();
  }

  @Test
  void orderedReliableMessagesArriveCompleteAndInOrderUnderLossReorderingAndDuplication() {
    LossyLink link = connected(4);
    link.loss = 0.05;
    link.duplicate = 0.02;
    link.jitterMillis = 15;
    Random r = new Random(44);
    int[] sizes = {1, 2, 100, 1171, 1172, 1173, 5000, 65_536, 262_144, 3, 262_143, 17};
    List<byte[]> sent = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      int len = i < sizes.length ? sizes[i] : 1 + r.nextInt(20_000);
      byte[] m = message(r, len, i);
      sent.add(m);
      assertThat(link.a().send(1, 53, m, SendOptions.RELIABLE)).isEqualTo(SendStatus.OK);
      link.runUntil(() -> link.a().bufferedAmount() < 512 * 1024, 60_000);
    }
    assertThat(link.runUntil(() -> link.rb().messages.size() == sent.size(), 120_000)).isTrue();
    for (int i = 0; i < sent.size(); i++) {
      assertThat(link.rb().messages.get(i).data()).as("message %d", i).isEqualTo(sent.get(i));
      assertThat(link.rb().messages.get(i).ordered()).isTrue();
    }
    assertThat(link.runUntil(() -> link.a().bufferedAmount() == 0, 60_000)).isTrue();
    assertThat(link.dropped).isPositive();
    assertThat(link.a().retransmissions()).isPositive();
  }

  @Test
  void unorderedMessagesAllArriveUnderLoss() {
    LossyLink link = connected(5);
    link.loss = 0.05;
    link.jitterMillis = 20;
    Random r = new Random(55);
    Set<Integer> sent = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      byte[] m = message(r, 4 + r.nextInt(3000), i);
      sent.add(i);
      assertThat(link.a().send(2, 53, m, SendOptions.UNORDERED)).isEqualTo(SendStatus.OK);
    }
    assertThat(link.runUntil(() -> link.rb().messages.size() == 200, 120_000)).isTrue();
    Set<Integer> got = new HashSet<>();
    for (LossyLink.Recorder.Msg m : link.rb().messages) {
      byte[] d = m.data();
      got.add(((d[0] & 0xFF) << 24) | ((d[1] & 0xFF) << 16) | ((d[2] & 0xFF) << 8) | (d[3] & 0xFF));
      assertThat(m.ordered()).isFalse();
    }
    assertThat(got).isEqualTo(sent);
  }

  @Test
  void maxRetransmitsZeroDropsUnderLossAndForwardTsnAdvancesThePeer() {
    LossyLink link = connected(6);
    link.loss = 0.2;
    Random r = new Random(66);
    SendOptions once = new SendOptions(false, 0, -1);
    for (int i = 0; i < 300; i++) {
      link.a().send(3, 53, message(r, 4 + r.nextInt(2500), i), once);
      link.runUntil(() -> false, 5);
    }
    byte[] last = message(r, 100, 999_999);
    link.a().send(4, 53, last, SendOptions.RELIABLE);
    assertThat(link.runUntil(() -> link.a().bufferedAmount() == 0, 600_000)).isTrue();
    assertThat(link.a().abandonedMessages()).isPositive();
    int got = (int) link.rb().messages.stream().filter(m -> m.stream() == 3).count();
    assertThat(got).isLessThan(300).isGreaterThan(100);
    assertThat(link.rb().messages.stream().filter(m -> m.stream() == 4).findFirst())
        .hasValueSatisfying(m -> assertThat(m.data()).isEqualTo(last));
    // ordered PR messages that did arrive are still in order
    int prev = -1;
    for (LossyLink.Recorder.Msg m : link.rb().messages) {
      if (m.stream() == 3) {
        int id = ((m.data()[2] & 0xFF) << 8) | (m.data()[3] & 0xFF);
        assertThat(id).isGreaterThan(prev);
        prev = id;
      }
    }
  }

  @Test
  void lifetimeLimitedMessagesExpireWhileThePeerIsUnreachable() {
    LossyLink link = connected(7);
    link.loss = 1.0;
    SendOptions timed = new SendOptions(true, -1, 100);
    for (int i = 0; i < 20; i++) {
      link.a().send(5, 53, new byte[1000], timed);
    }
    link.runUntil(() -> false, 3_000);
    link.loss = 0;
    assertThat(link.runUntil(() -> link.a().bufferedAmount() == 0, 60_000)).isTrue();
    assertThat(link.a().abandonedMessages()).isEqualTo(20);
  }

  @Test
  void streamResetReachesThePeerAndSsnsRestart() {
    LossyLink link = connected(8);
    link.a().send(7, 51, new byte[] {1}, SendOptions.RELIABLE);
    link.a().send(7, 51, new byte[] {2}, SendOptions.RELIABLE);
    link.a().resetStream(7);
    assertThat(link.runUntil(() -> !link.rb().resets.isEmpty(), 10_000)).isTrue();
    assertThat(link.rb().resets).containsExactly(7);
    assertThat(link.rb().messages).hasSize(2);
    link.a().send(7, 51, new byte[] {3}, SendOptions.RELIABLE);
    assertThat(link.runUntil(() -> link.rb().messages.size() == 3, 10_000)).isTrue();
    assertThat(link.rb().messages.get(2).data()).containsExactly(3);
  }

  @Test
  void streamResetUnderLossIsRetried() {
    LossyLink link = connected(9);
    link.loss = 0.3;
    for (int i = 0; i < 20; i++) {
      link.a().send(9, 51, new byte[500], SendOptions.RELIABLE);
    }
    link.a().resetStream(9);
    assertThat(link.runUntil(() -> !link.rb().resets.isEmpty(), 60_000)).isTrue();
    assertThat(link.rb().messages).hasSize(20);
  }

  @Test
  void abortClosesBothSides() {
    LossyLink link = connected(10);
    link.a().abort();
    assertThat(link.runUntil(() -> link.rb().closed != null, 1_000)).isTrue();
    assertThat(link.ra().closed).isEqualTo(SctpCloseReason.ABORTED_LOCALLY);
    assertThat(link.rb().closed).isEqualTo(SctpCloseReason.ABORTED_BY_PEER);
    assertThat(link.a().send(1, 51, new byte[1], SendOptions.RELIABLE))
        .isEqualTo(SendStatus.CLOSED);
  }

  @Test
  void shutdownAfterDataClosesBothSidesGracefully() {
    LossyLink link = connected(11);
    link.loss = 0.1;
    link.a().send(1, 53, new byte[50_000], SendOptions.RELIABLE);
    link.a().shutdown();
    assertThat(link.runUntil(() -> link.ra().closed != null && link.rb().closed != null, 60_000))
        .isTrue();
    assertThat(link.rb().bytes).isEqualTo(50_000);
    assertThat(link.ra().closed).isEqualTo(SctpCloseReason.SHUTDOWN);
    assertThat(link.rb().closed).isEqualTo(SctpCloseReason.SHUTDOWN);
  }

  @Test
  void sendBufferIsBoundedAndRefusesRatherThanGrows() {
    SctpConfig small = SctpConfig.webRtc().withSendBufferLimit(64 * 1024);
    LossyLink link = new LossyLink(12, small, SctpConfig.webRtc());
    int ok = 0;
    SendStatus s;
    while ((s = link.a().send(1, 53, new byte[10_000], SendOptions.RELIABLE)) == SendStatus.OK) {
      ok++;
    }
    assertThat(s).isEqualTo(SendStatus.BUFFER_FULL);
    assertThat(ok).isEqualTo(6);
    assertThat(link.a().bufferedAmount()).isLessThanOrEqualTo(64 * 1024);
    link.connectBoth();
    assertThat(link.runUntil(() -> link.rb().messages.size() == 6, 10_000)).isTrue();
    assertThat(link.runUntil(() -> link.a().bufferedAmount() == 0, 10_000)).isTrue();
  }

  @Test
  void messageAboveOurMaxMessageSizeAbortsTheAssociation() {
    LossyLink link =
        new LossyLink(13, SctpConfig.webRtc(), SctpConfig.webRtc().withMaxMessageSize(10_000));
    link.connectBoth();
    link.runUntil(link::established, 5_000);
    link.a().send(1, 53, new byte[20_000], SendOptions.RELIABLE);
    assertThat(link.runUntil(() -> link.ra().closed != null, 5_000)).isTrue();
    assertThat(link.rb().closed).isEqualTo(SctpCloseReason.MESSAGE_TOO_LARGE);
    assertThat(link.ra().closed).isEqualTo(SctpCloseReason.ABORTED_BY_PEER);
  }

  @Test
  void sendRejectsBadArguments() {
    LossyLink link = connected(14);
    SctpConfig c = SctpConfig.webRtc();
    assertThat(link.a().send(c.streams(), 53, new byte[1], SendOptions.RELIABLE))
        .isEqualTo(SendStatus.BAD_STREAM);
    assertThat(link.a().send(-1, 53, new byte[1], SendOptions.RELIABLE))
        .isEqualTo(SendStatus.BAD_STREAM);
    link.a().peerMaxMessageSize(1000);
    assertThat(link.a().send(1, 53, new byte[1001], SendOptions.RELIABLE))
        .isEqualTo(SendStatus.TOO_LARGE);
  }

  @Test
  void handshakeGivesUpWhenThePeerNeverAnswers() {
    LossyLink link = new LossyLink(15);
    link.loss = 1.0;
    link.a().connect();
    link.runUntil(() -> link.ra().closed != null, 600_000);
    assertThat(link.ra().closed).isEqualTo(SctpCloseReason.HANDSHAKE_TIMEOUT);
  }
}
