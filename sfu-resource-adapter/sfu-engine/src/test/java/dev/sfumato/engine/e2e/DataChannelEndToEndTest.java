package dev.sfumato.engine.e2e;

import static dev.sfumato.engine.e2e.LoopbackEngine.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sfumato.engine.EngineConfig;
import dev.sfumato.engine.api.DataChannelParameters;
import dev.sfumato.engine.api.DataConsumerInfo;
import dev.sfumato.engine.api.DataProducerInfo;
import dev.sfumato.engine.api.DtlsRole;
import dev.sfumato.engine.api.EngineControl;
import dev.sfumato.engine.api.EngineEvent;
import dev.sfumato.engine.api.SctpParameters;
import dev.sfumato.engine.api.TransportId;
import dev.sfumato.engine.api.WebRtcTransportInfo;
import dev.sfumato.engine.sctp.ChannelType;
import dev.sfumato.engine.sctp.DataChannel;
import dev.sfumato.engine.sctp.SendStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Data channels end to end: a Java peer (ICE, DTLS client, the engine's own SCTP and DCEP as the
 * browser side) talks to a transport over loopback UDP. The engine is the DTLS server, so the peer
 * opens even stream ids and the engine odd ones (RFC 8832 §6).
 */
class DataChannelEndToEndTest {

  /** The peer's a=sctp-port / a=max-message-size, as Chromium offers. */
  private static final SctpParameters BROWSER = new SctpParameters(5000, 262_144);

  private static final int[] SIZES = {1, 2, 100, 1151, 1152, 5000, 65_536, 100_000, 262_144};

  private final Random random = new Random(7);
  private LoopbackEngine sfu;

  /** One transport with SCTP enabled, its connected peer and the peer's association, up. */
  private record Session(WebRtcTransportInfo info, TestPeer peer, SctpPeer sctp) {
    TransportId id() {
      return info.id();
    }
  }

  @AfterEach
  void tearDown() throws Exception {
    if (sfu != null) {
      sfu.close();
    }
  }

  private EngineControl control() {
    return sfu.control();
  }

  private Session session(boolean emitMessages, SctpParameters remote) throws Exception {
    WebRtcTransportInfo info = sfu.transport();
    SctpParameters ours = await(control().enableSctp(info.id(), remote, emitMessages));
    assertThat(ours).isEqualTo(new SctpParameters(5000, 262_144));
    TestPeer peer = sfu.connectedPeer(info, DtlsRole.CLIENT);
    SctpPeer sctp = new SctpPeer(peer, dev.sfumato.engine.dtls.DtlsRole.CLIENT);
    sfu.peer(peer);
    sctp.established.get(10, TimeUnit.SECONDS);
    sfu.awaitEvent(
        e ->
            e instanceof EngineEvent.SctpStateChanged s
                && s.transportId().equals(info.id())
                && s.state().equals("CONNECTED"));
    return new Session(info, peer, sctp);
  }

  /** The peer opens a channel; the engine's DataProducerOpened for it. */
  private DataProducerInfo peerOpens(Session s, String label, ChannelType type) throws Exception {
    int stream = s.sctp().open(label, type, 0);
    EngineEvent.DataProducerOpened opened =
        (EngineEvent.DataProducerOpened)
            sfu.awaitEvent(
                e ->
                    e instanceof EngineEvent.DataProducerOpened o
                        && o.info().transportId().equals(s.id()));
    assertThat(opened.info().channel().streamId()).isEqualTo(stream);
    assertThat(opened.info().channel().label()).isEqualTo(label);
    return opened.info();
  }

  private byte[] payload(int size, boolean binary) {
    byte[] b = new byte[size];
    if (binary) {
      random.nextBytes(b);
    } else {
      for (int i = 0; i < size; i++) {
        b[i] = (byte) ('a' + (i * 7 + size) % 26);
      }
    }
    return b;
  }

  /** Sends each size as string and binary on {@code stream} and expects each back, in order. */
  private void echoes(Session s, int stream, int[] sizes) throws Exception {
    for (int size : sizes) {
      for (boolean binary : new boolean[] {false, true}) {
        byte[] sent = payload(size, binary);
        assertThat(s.sctp().send(stream, sent, binary)).isEqualTo(SendStatus.OK);
        SctpPeer.Message got = s.sctp().next();
        assertThat(got.streamId()).isEqualTo(stream);
        assertThat(got.binary()).as("binary, %d bytes", size).isEqualTo(binary);
        assertThat(got.data()).as("%d bytes", size).isEqualTo(sent);
      }
    }
  }

  private long producerStat(DataProducerInfo p, String name) throws Exception {
    return await(control().dataProducerStats(p.id())).counters().get(name);
  }

  private void awaitProducerStat(DataProducerInfo p, String name, long value) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (producerStat(p, name) < value && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(producerStat(p, name)).isEqualTo(value);
  }

  @Test
  void loopbackEchoesEveryMessageIncludingThoseSentBeforeTheConsumer() throws Exception {
    sfu = new LoopbackEngine();
    Session s = session(false, BROWSER);
    DataProducerInfo producer = peerOpens(s, "chat", ChannelType.RELIABLE);
    int stream = producer.channel().streamId();
    assertThat(stream % 2).as("the DTLS client's ids are even").isZero();

    s.sctp().send(stream, "early");
    s.sctp().send(stream, new byte[] {1, 2, 3}, true);
    awaitProducerStat(producer, "backlog", 2);

    DataConsumerInfo echo = await(control().consumeData(s.id(), producer.id(), producer.channel()));
    assertThat(echo.channel().streamId()).isEqualTo(stream);
    assertThat(echo.dataProducerId()).isEqualTo(producer.id());
    assertThat(s.sctp().next().text()).isEqualTo("early");
    SctpPeer.Message binary = s.sctp().next();
    assertThat(binary.binary()).isTrue();
    assertThat(binary.data()).containsExactly(1, 2, 3);

    echoes(s, stream, SIZES);
    assertThat(s.sctp().send(stream, new byte[0], true)).isEqualTo(SendStatus.OK);
    assertThat(s.sctp().next().data()).isEmpty();

    assertThat(await(control().dataProducerStats(producer.id())).counters())
        .containsEntry("messagesIn", 2L + 2 * SIZES.length + 1)
        .containsEntry("backlog", 0L)
        .containsEntry("backlogDropped", 0L)
        .containsEntry("consumers", 1L);
    assertThat(await(control().dataConsumerStats(echo.id())).counters())
        .containsEntry("messagesOut", 2L + 2 * SIZES.length + 1)
        .containsEntry("dropped", 0L);
    assertThat(sfu.transportStats(s.id()))
        .containsEntry("sctpConnected", 1L)
        .containsEntry("dataProducers", 1L)
        .containsEntry("dataConsumers", 1L);
  }

  @Test
  void engineOpensAChannelWithDcepAndTheApplicationSendsOnIt() throws Exception {
    sfu = new LoopbackEngine();
    Session s = session(false, new SctpParameters(5000, 65_536));
    DataConsumerInfo c =
        await(control().consumeData(s.id(), null, DataChannelParameters.reliable("server")));
    int stream = c.channel().streamId();
    assertThat(stream % 2).as("the DTLS server's ids are odd").isOne();
    DataChannel opened = s.sctp().opened.poll(5, TimeUnit.SECONDS);
    assertThat(opened).isNotNull();
    assertThat(opened.id()).isEqualTo(stream);
    assertThat(opened.label()).isEqualTo("server");

    assertThat(await(control().sendData(c.id(), false, "hello".getBytes(StandardCharsets.UTF_8))))
        .isTrue();
    assertThat(await(control().sendData(c.id(), true, new byte[] {9}))).isTrue();
    assertThat(s.sctp().next().text()).isEqualTo("hello");
    assertThat(s.sctp().next().data()).containsExactly(9);

    // above the peer's max-message-size: dropped and counted, the association stays up
    assertThat(await(control().sendData(c.id(), true, new byte[65_537]))).isFalse();
    assertThat(await(control().sendData(c.id(), false, "after".getBytes()))).isTrue();
    assertThat(s.sctp().next().text()).isEqualTo("after");
    assertThat(await(control().dataConsumerStats(c.id())).counters())
        .containsEntry("messagesOut", 3L)
        .containsEntry("droppedTooLarge", 1L);

    // a lossy channel: unordered, no retransmissions, announced as such in DCEP
    DataConsumerInfo lossy =
        await(control().consumeData(s.id(), null, DataChannelParameters.lossy("_lossy")));
    DataChannel lossyOpened = s.sctp().opened.poll(5, TimeUnit.SECONDS);
    assertThat(lossyOpened.type()).isEqualTo(ChannelType.PARTIAL_RELIABLE_REXMIT_UNORDERED);
    assertThat(lossy.channel().streamId()).isNotEqualTo(stream);

    // the peer closes the engine's channel: the data consumer closes
    s.sctp().close(stream);
    EngineEvent.DataConsumerClosed closed =
        (EngineEvent.DataConsumerClosed)
            sfu.awaitEvent(e -> e instanceof EngineEvent.DataConsumerClosed);
    assertThat(closed.dataConsumerId()).isEqualTo(c.id());
  }

  @Test
  void producerOnOneTransportIsForwardedToAConsumerOnAnother() throws Exception {
    sfu = new LoopbackEngine();
    Session a = session(false, BROWSER);
    Session b = session(false, BROWSER);
    DataProducerInfo fromA = peerOpens(a, "room", ChannelType.RELIABLE);
    DataConsumerInfo toB =
        await(
            control()
                .consumeData(b.id(), fromA.id(), DataChannelParameters.reliable("room-from-a")));
    DataChannel atB = b.sctp().opened.poll(5, TimeUnit.SECONDS);
    assertThat(atB.label()).isEqualTo("room-from-a");
    for (int i = 0; i < 20; i++) {
      a.sctp().send(fromA.channel().streamId(), "m" + i);
    }
    byte[] big = payload(200_000, true);
    a.sctp().send(fromA.channel().streamId(), big, true);
    for (int i = 0; i < 20; i++) {
      SctpPeer.Message m = b.sctp().next();
      assertThat(m.streamId()).isEqualTo(toB.channel().streamId());
      assertThat(m.text()).isEqualTo("m" + i);
    }
    assertThat(b.sctp().next().data()).isEqualTo(big);
    assertThat(a.sctp().messages).isEmpty();

    // closing the producer closes its consumer on the other transport
    await(control().closeDataProducer(fromA.id()));
    sfu.awaitEvent(
        e ->
            e instanceof EngineEvent.DataConsumerClosed c
                && c.dataConsumerId().equals(toB.id())
                && c.reason().equals("data producer closed"));
    assertThat(b.sctp().closed.poll(5, TimeUnit.SECONDS).id()).isEqualTo(toB.channel().streamId());
  }

  @Test
  void reliableChannelLosesNothingUnderInjectedLoss() throws Exception {
    EngineConfig config =
        new EngineConfig(1, EngineConfig.loopback(), 0, EngineConfig.loopback())
            .withFaultInjection(true);
    sfu = new LoopbackEngine(config);
    Session s = session(false, BROWSER);
    DataProducerInfo producer = peerOpens(s, "chat", ChannelType.RELIABLE);
    int stream = producer.channel().streamId();
    await(control().consumeData(s.id(), producer.id(), producer.channel()));
    await(control().injectLoss(5));
    // one burst, so only its tail can cost a retransmission timeout (RTO.min 400 ms)
    List<byte[]> sent = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      sent.add(("n" + i).getBytes(StandardCharsets.UTF_8));
    }
    for (int size : new int[] {3000, 30_000, 65_536}) {
      sent.add(payload(size, true));
    }
    for (byte[] m : sent) {
      assertThat(s.sctp().send(stream, m, m.length > 100)).isEqualTo(SendStatus.OK);
    }
    for (byte[] m : sent) {
      assertThat(s.sctp().next().data()).isEqualTo(m);
    }
    await(control().injectLoss(0));
    assertThat(sfu.drops("INJECTED_LOSS")).isPositive();
    assertThat(sfu.transportStats(s.id()).get("sctpRetransmissions")).isPositive();
  }

  @Test
  void messageEventsArriveInOrderAndNoBacklogIsKept() throws Exception {
    sfu = new LoopbackEngine();
    Session s = session(true, BROWSER);
    DataProducerInfo producer = peerOpens(s, "_reliable", ChannelType.RELIABLE);
    int n = 50;
    for (int i = 0; i < n; i++) {
      s.sctp().send(producer.channel().streamId(), payload(i, i % 2 == 1), i % 2 == 1);
    }
    List<EngineEvent.DataMessage> got = new ArrayList<>();
    while (got.size() < n) {
      got.add((EngineEvent.DataMessage) sfu.awaitEvent(e -> e instanceof EngineEvent.DataMessage));
    }
    for (int i = 0; i < n; i++) {
      EngineEvent.DataMessage m = got.get(i);
      assertThat(m.dataProducerId()).isEqualTo(producer.id());
      assertThat(m.transportId()).isEqualTo(s.id());
      assertThat(m.binary()).isEqualTo(i % 2 == 1);
      assertThat(m.payload()).hasSize(i);
    }
    assertThat(producerStat(producer, "backlog")).isZero();
  }

  @Test
  void peerResetClosesTheProducerAndClosingTheTransportClosesTheRest() throws Exception {
    sfu = new LoopbackEngine();
    Session s = session(false, BROWSER);
    DataProducerInfo first = peerOpens(s, "one", ChannelType.RELIABLE);
    s.sctp().close(first.channel().streamId());
    EngineEvent.DataProducerClosed closed =
        (EngineEvent.DataProducerClosed)
            sfu.awaitEvent(e -> e instanceof EngineEvent.DataProducerClosed);
    assertThat(closed.dataProducerId()).isEqualTo(first.id());
    assertThat(closed.reason()).isEqualTo("channel closed by peer");

    // malformed application data (bad CRC32c) is a counted drop, nothing more
    byte[] garbage = payload(40, true);
    s.peer().dtls().send(garbage, 0, garbage.length);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (sfu.transportStats(s.id()).get("sctpMalformedDropped") == 0
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(sfu.transportStats(s.id())).containsEntry("sctpMalformedDropped", 1L);

    DataProducerInfo second = peerOpens(s, "two", ChannelType.RELIABLE);
    DataConsumerInfo echo = await(control().consumeData(s.id(), second.id(), second.channel()));
    echoes(s, second.channel().streamId(), new int[] {10});

    await(control().closeTransport(s.id()));
    sfu.awaitEvent(
        e ->
            e instanceof EngineEvent.SctpStateChanged st
                && st.transportId().equals(s.id())
                && st.state().equals("CLOSED"));
    // the producer's consumers go first, then the producer
    sfu.awaitEvent(
        e -> e instanceof EngineEvent.DataConsumerClosed c && c.dataConsumerId().equals(echo.id()));
    sfu.awaitEvent(
        e ->
            e instanceof EngineEvent.DataProducerClosed p
                && p.dataProducerId().equals(second.id())
                && p.reason().equals("transport closed"));
    assertThat(s.sctp().ended.get(5, TimeUnit.SECONDS)).isNotNull(); // our ABORT reached it
  }
}
