package dev.sfumato.engine.sctp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sfumato.engine.dtls.DtlsRole;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DataChannelsTest {

  static final class Events implements DataChannelListener {
    final List<DataChannel> opened = new ArrayList<>();
    final List<DataChannel> closed = new ArrayList<>();
    final List<byte[]> messages = new ArrayList<>();
    final List<Boolean> binary = new ArrayList<>();
    boolean ready;

    @Override
    public void ready() {
      ready = true;
    }

    @Override
    public void opened(DataChannel channel) {
      opened.add(channel);
    }

    @Override
    public void message(DataChannel channel, byte[] data, boolean isBinary) {
      messages.add(data);
      binary.add(isBinary);
    }

    @Override
    public void closed(DataChannel channel) {
      closed.add(channel);
    }
  }

  private final Events ea = new Events();
  private final Events eb = new Events();
  private final DataChannels client = new DataChannels(DtlsRole.CLIENT, ea);
  private final DataChannels server = new DataChannels(DtlsRole.SERVER, eb);
  private final LossyLink link;

  DataChannelsTest() {
    link = new LossyLink(21, SctpConfig.webRtc(), SctpConfig.webRtc(), client, server);
    client.attach(link.a());
    server.attach(link.b());
    link.connectBoth();
    assertThat(link.runUntil(() -> ea.ready && eb.ready, 5_000)).isTrue();
  }

  @Test
  void clientOpensEvenIdsAndServerOddIdsAndBothSidesSeeTheChannel() {
    DataChannel c = client.open("chat", "json", ChannelType.RELIABLE, 0, 256);
    DataChannel s = server.open("state", "", ChannelType.RELIABLE_UNORDERED, 0, 0);
    assertThat(c.id() % 2).isZero();
    assertThat(s.id() % 2).isOne();
    assertThat(link.runUntil(() -> ea.opened.size() == 2 && eb.opened.size() == 2, 5_000)).isTrue();
    DataChannel seen = server.channel(c.id());
    assertThat(seen.label()).isEqualTo("chat");
    assertThat(seen.protocol()).isEqualTo("json");
    assertThat(seen.priority()).isEqualTo(256);
    assertThat(seen.remote()).isTrue();
    assertThat(c.state()).isEqualTo(DataChannel.State.OPEN);
    assertThat(client.channel(s.id()).type()).isEqualTo(ChannelType.RELIABLE_UNORDERED);
  }

  @Test
  void stringBinaryAndEmptyMessagesKeepTheirKind() {
    DataChannel c = client.open("x", "", ChannelType.RELIABLE, 0, 0);
    client.sendText(c.id(), "héllo");
    client.sendBinary(c.id(), new byte[] {1, 2, 3});
    client.sendText(c.id(), "");
    client.sendBinary(c.id(), new byte[0]);
    assertThat(link.runUntil(() -> eb.messages.size() == 4, 5_000)).isTrue();
    assertThat(new String(eb.messages.get(0), StandardCharsets.UTF_8)).isEqualTo("héllo");
    assertThat(eb.messages.get(1)).containsExactly(1, 2, 3);
    assertThat(eb.messages.get(2)).isEmpty();
    assertThat(eb.messages.get(3)).isEmpty();
    assertThat(eb.binary).containsExactly(false, true, false, true);
  }

  @Test
  void echoOfOneByteTo256KiBUnderLoss() {
    link.loss = 0.05;
    link.jitterMillis = 10;
    DataChannel c = client.open("echo", "", ChannelType.RELIABLE, 0, 0);
    link.runUntil(() -> !eb.opened.isEmpty(), 10_000);
    Random r = new Random(7);
    int[] sizes = {1, 1000, 16_384, 65_536, 262_144};
    for (int size : sizes) {
      byte[] m = new byte[size];
      r.nextBytes(m);
      assertThat(client.sendBinary(c.id(), m.clone())).isEqualTo(SendStatus.OK);
      int before = eb.messages.size();
      assertThat(link.runUntil(() -> eb.messages.size() == before + 1, 60_000)).isTrue();
      byte[] got = eb.messages.get(before);
      server.sendBinary(c.id(), got);
      int back = ea.messages.size();
      assertThat(link.runUntil(() -> ea.messages.size() == back + 1, 60_000)).isTrue();
      assertThat(ea.messages.get(back)).isEqualTo(m);
    }
  }

  @Test
  void closeResetsBothDirectionsAndFreesTheId() {
    DataChannel c = client.open("bye", "", ChannelType.RELIABLE, 0, 0);
    link.runUntil(() -> !eb.opened.isEmpty(), 5_000);
    client.close(c.id());
    assertThat(c.state()).isEqualTo(DataChannel.State.CLOSING);
    assertThat(link.runUntil(() -> !ea.closed.isEmpty() && !eb.closed.isEmpty(), 10_000)).isTrue();
    assertThat(c.state()).isEqualTo(DataChannel.State.CLOSED);
    assertThat(client.channel(c.id())).isNull();
    assertThat(client.sendText(c.id(), "late")).isEqualTo(SendStatus.CLOSED);
  }

  @Test
  void partiallyReliableChannelCarriesItsParameters() {
    DataChannel c = client.open("lossy", "", ChannelType.PARTIAL_RELIABLE_REXMIT_UNORDERED, 0, 0);
    DataChannel t = client.open("timed", "", ChannelType.PARTIAL_RELIABLE_TIMED, 150, 0);
    assertThat(link.runUntil(() -> eb.opened.size() == 2, 5_000)).isTrue();
    assertThat(server.channel(c.id()).type())
        .isEqualTo(ChannelType.PARTIAL_RELIABLE_REXMIT_UNORDERED);
    assertThat(server.channel(t.id()).reliabilityParameter()).isEqualTo(150);
    assertThat(c.options.maxRetransmits()).isZero();
    assertThat(t.options.maxLifetimeMillis()).isEqualTo(150);
  }

  @Test
  void abortClosesEveryChannel() {
    client.open("a", "", ChannelType.RELIABLE, 0, 0);
    link.runUntil(() -> !ea.opened.isEmpty(), 5_000);
    link.b().abort();
    assertThat(link.runUntil(() -> !ea.closed.isEmpty(), 5_000)).isTrue();
    assertThatThrownBy(() -> client.open("b", "", ChannelType.RELIABLE, 0, 0))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void dcepRejectsMalformedOpen() {
    byte[] open = DcepMessage.open(ChannelType.RELIABLE, 0, 0, "label", "p").encode();
    assertThat(DcepMessage.decode(open, 0, open.length).label()).isEqualTo("label");
    assertThat(DcepMessage.decode(open, 0, open.length - 1)).isNull();
    open[1] = 0x05;
    assertThat(DcepMessage.decode(open, 0, open.length)).isNull();
    assertThat(DcepMessage.decode(new byte[0], 0, 0)).isNull();
    assertThat(DcepMessage.decode(new byte[] {2}, 0, 1).messageType()).isEqualTo(DcepMessage.ACK);
  }
}
