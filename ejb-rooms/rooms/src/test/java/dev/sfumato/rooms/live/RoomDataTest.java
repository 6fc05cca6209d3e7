package dev.sfumato.rooms.live;

import static dev.sfumato.rooms.live.Participant.Protocol.V0;
import static dev.sfumato.rooms.live.Participant.Protocol.V1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.sfumato.engine.api.DataChannelParameters;
import dev.sfumato.engine.api.DataProducerId;
import dev.sfumato.engine.api.DataProducerInfo;
import dev.sfumato.engine.api.TransportId;
import dev.sfumato.rooms.domain.RoomException;
import java.util.ArrayList;
import java.util.List;
import livekit.LivekitMetrics.MetricsBatch;
import livekit.LivekitModels.ActiveSpeakerUpdate;
import livekit.LivekitModels.DataPacket;
import livekit.LivekitModels.RpcAck;
import livekit.LivekitModels.RpcRequest;
import livekit.LivekitModels.RpcResponse;
import livekit.LivekitModels.Transcription;
import livekit.LivekitModels.UserPacket;
import livekit.LivekitRtc.SignalResponse.MessageCase;
import org.junit.jupiter.api.Test;

/** Data packets between a room's participants, LiveKit's way. */
@SuppressWarnings("deprecation") // DataPacket.kind and UserPacket's sender and destination fields
class RoomDataTest {
  private static final String V1_OFFER = TestRoom.sdp("chromium-recvonly-datachannel");

  private final TestRoom t = new TestRoom(TestRoom.WITH_DATA);
  private int nextStream;

  /** A v1 participant whose connection is up with its _reliable and _lossy channels open. */
  private TestRoom.Member member(String identity) {
    TestRoom.Member m = t.join(identity, V1);
    m.offer(V1_OFFER, 1);
    open(m, DataChannelParameters.reliable("_reliable"));
    open(m, DataChannelParameters.lossy("_lossy"));
    return m;
  }

  /** The client opened {@code channel} (DCEP): the engine's DataProducerOpened. */
  private DataProducerInfo open(TestRoom.Member m, DataChannelParameters channel) {
    DataProducerInfo info =
        new DataProducerInfo(
            DataProducerId.random(), m.p.publisher.id(), channel.withStreamId(nextStream += 2));
    synchronized (t.room) {
      t.room.data.producerOpened(m.p, info);
    }
    return info;
  }

  private void send(TestRoom.Member from, String label, DataPacket packet) {
    send(from, label, packet.toByteArray());
  }

  private void send(TestRoom.Member from, String label, byte[] payload) {
    DataProducerId producer =
        from.p.data.producers.values().stream()
            .filter(i -> i.channel().label().equals(label))
            .findFirst()
            .orElseThrow()
            .id();
    synchronized (t.room) {
      t.room.data.message(from.p, producer, payload);
    }
  }

  /** What {@code m} received on the channels the room sends to it on, decoded. */
  private List<DataPacket> received(TestRoom.Member m, String label) {
    List<DataPacket> out = new ArrayList<>();
    for (FakeMedia.SentData d : t.media.sent) {
      FakeMedia.OpenedChannel c = t.media.dataChannels.get(d.channel());
      boolean mine = t.transports.get(c.transport()).participant() == m.p;
      if (mine && c.parameters().label().equals(label)) {
        try {
          out.add(DataPacket.parseFrom(d.payload()));
        } catch (InvalidProtocolBufferException e) {
          throw new AssertionError(e);
        }
      }
    }
    return out;
  }

  private static DataPacket user(String text) {
    return DataPacket.newBuilder()
        .setUser(UserPacket.newBuilder().setPayload(ByteString.copyFromUtf8(text)).setTopic("chat"))
        .build();
  }

  @Test
  void theRoomAnswersOnTheClientsOwnChannel() {
    TestRoom.Member alice = t.join("alice", V1);
    alice.offer(V1_OFFER, 1);

    DataProducerInfo reliable = open(alice, DataChannelParameters.reliable("_reliable"));

    TransportId transport = alice.p.publisher.id();
    assertThat(t.media.calls)
        .contains("openDataChannel " + transport + " _reliable " + reliable.channel().streamId());
    assertThat(t.media.dataChannels.get(t.media.channel(transport, "_reliable")).parameters())
        .isEqualTo(reliable.channel());
  }

  @Test
  void aPacketGoesToEveryoneButItsSenderWithTheSendersIdentityStamped() {
    TestRoom.Member alice = member("alice");
    TestRoom.Member bob = member("bob");
    TestRoom.Member carol = member("carol");
    DataPacket spoofed =
        user("hello").toBuilder()
            .setParticipantIdentity("mallory")
            .setParticipantSid("PA_mallory")
            .setSequence(7)
            .setUser(
                user("hello").getUser().toBuilder()
                    .setParticipantIdentity("mallory")
                    .setParticipantSid("PA_mallory"))
            .build();

    send(alice, "_reliable", spoofed);

    assertThat(received(alice, "_reliable")).isEmpty();
    for (TestRoom.Member to : List.of(bob, carol)) {
      List<DataPacket> got = received(to, "_reliable");
      assertThat(got).hasSize(1);
      DataPacket dp = got.get(0);
      assertThat(dp.getParticipantIdentity()).isEqualTo("alice");
      assertThat(dp.getParticipantSid()).isEqualTo(alice.p.sid);
      assertThat(dp.getUser().getParticipantIdentity()).isEqualTo("alice");
      assertThat(dp.getUser().getParticipantSid()).isEqualTo(alice.p.sid);
      assertThat(dp.getUser().getPayload().toStringUtf8()).isEqualTo("hello");
      assertThat(dp.getUser().getTopic()).isEqualTo("chat");
      assertThat(dp.getSequence()).as("the client's sequence").isEqualTo(7);
      assertThat(dp.getKind()).isEqualTo(DataPacket.Kind.RELIABLE);
    }
    assertThat(t.media.sent.get(0).payload())
        .as("encoded once, the same bytes for everyone")
        .isSameAs(t.media.sent.get(1).payload());
  }

  @Test
  void destinationIdentitiesAndDeprecatedSidsLimitTheRecipients() {
    TestRoom.Member alice = member("alice");
    TestRoom.Member bob = member("bob");
    TestRoom.Member carol = member("carol");

    send(
        alice, "_reliable", user("to carol").toBuilder().addDestinationIdentities("carol").build());
    DataPacket toBob = user("to bob");
    toBob =
        toBob.toBuilder()
            .setUser(toBob.getUser().toBuilder().addDestinationSids(bob.p.sid))
            .build();
    send(alice, "_reliable", toBob);
    DataPacket oldStyle = user("to carol, old style");
    oldStyle =
        oldStyle.toBuilder()
            .setUser(oldStyle.getUser().toBuilder().addDestinationIdentities("carol"))
            .build();
    send(alice, "_reliable", oldStyle);

    assertThat(received(carol, "_reliable"))
        .extracting(dp -> dp.getUser().getPayload().toStringUtf8())
        .containsExactly("to carol", "to carol, old style");
    assertThat(received(carol, "_reliable").get(0).getUser().getDestinationIdentitiesList())
        .containsExactly("carol");
    assertThat(received(carol, "_reliable").get(1).getDestinationIdentitiesList())
        .containsExactly("carol");
    assertThat(received(bob, "_reliable"))
        .extracting(dp -> dp.getUser().getPayload().toStringUtf8())
        .containsExactly("to bob");
  }

  @Test
  void anRpcRequestReachesItsCalleeAndTheAckAndResponseComeBack() {
    TestRoom.Member alice = member("alice");
    TestRoom.Member bob = member("bob");
    TestRoom.Member carol = member("carol");

    send(
        alice,
        "_reliable",
        DataPacket.newBuilder()
            .addDestinationIdentities("bob")
            .setRpcRequest(
                RpcRequest.newBuilder()
                    .setId("req-1")
                    .setMethod("greet")
                    .setPayload("hi")
                    .setResponseTimeoutMs(10_000)
                    .setVersion(1))
            .build());
    send(
        bob,
        "_reliable",
        DataPacket.newBuilder()
            .addDestinationIdentities("alice")
            .setRpcAck(RpcAck.newBuilder().setRequestId("req-1"))
            .build());
    send(
        bob,
        "_reliable",
        DataPacket.newBuilder()
            .addDestinationIdentities("alice")
            .setRpcResponse(RpcResponse.newBuilder().setRequestId("req-1").setPayload("hello"))
            .build());

    List<DataPacket> atBob = received(bob, "_reliable");
    assertThat(atBob).hasSize(1);
    assertThat(atBob.get(0).getRpcRequest().getMethod()).isEqualTo("greet");
    assertThat(atBob.get(0).getParticipantIdentity()).isEqualTo("alice");
    List<DataPacket> atAlice = received(alice, "_reliable");
    assertThat(atAlice)
        .extracting(DataPacket::getValueCase)
        .containsExactly(DataPacket.ValueCase.RPC_ACK, DataPacket.ValueCase.RPC_RESPONSE);
    assertThat(atAlice.get(1).getRpcResponse().getPayload()).isEqualTo("hello");
    assertThat(atAlice.get(1).getParticipantIdentity()).isEqualTo("bob");
    assertThat(received(carol, "_reliable")).isEmpty();
  }

  @Test
  void withoutCanPublishDataNothingIsSent() {
    TestRoom.Member alice = t.join("alice", V1, g -> g.canPublishData(false));
    alice.offer(V1_OFFER, 1);
    open(alice, DataChannelParameters.reliable("_reliable"));
    member("bob");

    send(alice, "_reliable", user("psst"));

    assertThat(t.media.sent).isEmpty();
    assertThat(t.room.data.dropped(DataDrop.NOT_ALLOWED)).isEqualTo(1);
  }

  @Test
  void aMalformedPacketIsACountedDrop() {
    TestRoom.Member alice = member("alice");
    member("bob");

    send(alice, "_reliable", new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff});
    send(alice, "_lossy", new byte[] {0x12, 0x7f, 0x01});

    assertThat(t.media.sent).isEmpty();
    assertThat(t.room.data.dropped(DataDrop.MALFORMED)).isEqualTo(2);
  }

  @Test
  void reliablePacketsWaitForTheRecipientsChannelAndGoOutInOrderLossyOnesAreDropped() {
    TestRoom.Member alice = member("alice");
    TestRoom.Member bob = t.join("bob", V1);
    bob.offer(V1_OFFER, 1);

    for (int i = 1; i <= 3; i++) {
      send(alice, "_reliable", user("m" + i).toBuilder().setSequence(i).build());
    }
    send(alice, "_lossy", user("lost"));
    assertThat(t.media.sent).isEmpty();
    assertThat(bob.p.data.pendingCount()).isEqualTo(3);
    assertThat(t.room.data.dropped(DataDrop.NO_CHANNEL)).isEqualTo(1);

    open(bob, DataChannelParameters.reliable("_reliable"));

    assertThat(received(bob, "_reliable"))
        .extracting(dp -> dp.getUser().getPayload().toStringUtf8())
        .containsExactly("m1", "m2", "m3");
    assertThat(bob.p.data.pendingCount()).isZero();
  }

  @Test
  void theWaitingQueueIsBounded() {
    ParticipantData data = new ParticipantData();
    for (int i = 0; i < ParticipantData.MAX_PENDING_MESSAGES; i++) {
      assertThat(data.enqueue(new byte[10])).isTrue();
    }
    assertThat(data.enqueue(new byte[10])).isFalse();
    assertThat(data.overflowed).isEqualTo(1);
    data.drain();
    assertThat(data.enqueue(new byte[(int) ParticipantData.MAX_PENDING_BYTES])).isTrue();
    assertThat(data.enqueue(new byte[1])).isFalse();
  }

  @Test
  void theChannelDecidesTheKindAndALossyPacketTravelsLossy() {
    TestRoom.Member alice = member("alice");
    TestRoom.Member bob = member("bob");

    send(alice, "_lossy", user("fast").toBuilder().setKind(DataPacket.Kind.RELIABLE).build());

    assertThat(received(bob, "_reliable")).isEmpty();
    List<DataPacket> got = received(bob, "_lossy");
    assertThat(got).hasSize(1);
    assertThat(got.get(0).getKind()).isEqualTo(DataPacket.Kind.LOSSY);
  }

  @Test
  void aReliablePacketNotNewerThanTheSendersLastIsDropped() {
    TestRoom.Member alice = member("alice");
    TestRoom.Member bob = member("bob");

    send(alice, "_reliable", user("a").toBuilder().setSequence(5).build());
    send(alice, "_reliable", user("replayed").toBuilder().setSequence(5).build());
    send(alice, "_reliable", user("b").toBuilder().setSequence(6).build());

    assertThat(received(bob, "_reliable"))
        .extracting(dp -> dp.getUser().getPayload().toStringUtf8())
        .containsExactly("a", "b");
    assertThat(t.room.data.dropped(DataDrop.OUT_OF_ORDER)).isEqualTo(1);
  }

  @Test
  void aRepeatedNonceIsDroppedAsLiveKitDeduplicates() {
    TestRoom.Member alice = member("alice");
    TestRoom.Member bob = member("bob");
    DataPacket once = user("once");
    once =
        once.toBuilder()
            .setUser(once.getUser().toBuilder().setNonce(ByteString.copyFrom(new byte[16])))
            .build();

    send(alice, "_lossy", once);
    send(alice, "_lossy", once);

    assertThat(received(bob, "_lossy")).hasSize(1);
    assertThat(t.room.data.dropped(DataDrop.DUPLICATE)).isEqualTo(1);
  }

  @Test
  void serverOnlyAndNonForwardedKindsStayWithTheServer() {
    TestRoom.Member alice = member("alice");
    member("bob");

    send(
        alice,
        "_reliable",
        DataPacket.newBuilder().setSpeaker(ActiveSpeakerUpdate.getDefaultInstance()).build());
    send(
        alice,
        "_reliable",
        DataPacket.newBuilder().setTranscription(Transcription.getDefaultInstance()).build());
    send(alice, "_reliable", DataPacket.newBuilder().setMetrics(MetricsBatch.newBuilder()).build());

    assertThat(t.media.sent).isEmpty();
    assertThat(t.room.data.dropped(DataDrop.SERVER_ONLY)).isEqualTo(1);
    assertThat(t.room.data.dropped(DataDrop.NOT_FORWARDED)).isEqualTo(2);
  }

  @Test
  void aHiddenSendersIdentityIsBlanked() {
    TestRoom.Member ghost = t.join("ghost", V1, g -> g.hidden(true));
    ghost.offer(V1_OFFER, 1);
    open(ghost, DataChannelParameters.reliable("_reliable"));
    TestRoom.Member bob = member("bob");

    send(ghost, "_reliable", user("boo").toBuilder().setParticipantIdentity("ghost").build());

    DataPacket dp = received(bob, "_reliable").get(0);
    assertThat(dp.getParticipantIdentity()).isEmpty();
    assertThat(dp.getUser().getParticipantIdentity()).isEmpty();
    assertThat(dp.getUser().getParticipantSid()).isEmpty();
  }

  @Test
  void dataTrackMessagesAreIgnoredForNow() {
    TestRoom.Member alice = member("alice");
    member("bob");
    open(alice, DataChannelParameters.lossy("_data_track"));

    send(alice, "_data_track", new byte[] {1, 2, 3});

    assertThat(t.media.sent).isEmpty();
    assertThat(t.room.data.dropped(DataDrop.DATA_TRACK)).isEqualTo(1);
    assertThat(t.media.calls).noneMatch(c -> c.contains("_data_track"));
  }

  @Test
  void aV0SubscriberReceivesOnTheServersChannelsOnceUpAndOnItsOwnBefore() {
    TestRoom.Member alice = member("alice");
    TestRoom.Member bob = t.join("bob", V0);
    bob.offer(V1_OFFER, 1);
    open(bob, DataChannelParameters.reliable("_reliable"));

    send(alice, "_reliable", user("early"));
    bob.request(DataChannelSdpTest.answer(bob.sink.last(MessageCase.OFFER).getOffer()));
    send(alice, "_reliable", user("late"));

    TransportId pub = bob.p.publisher.id();
    TransportId sub = bob.p.subscriber.id();
    assertThat(decode(t.media.sentOn(pub))).containsExactly("early");
    assertThat(decode(t.media.sentOn(sub))).containsExactly("late");
  }

  @Test
  void aLeftParticipantsMessagesAreDropped() {
    TestRoom.Member alice = member("alice");
    TestRoom.Member bob = member("bob");
    t.room.leave(alice.p, livekit.LivekitModels.DisconnectReason.CLIENT_INITIATED, false);

    send(alice, "_reliable", user("ghost"));

    assertThat(received(bob, "_reliable")).isEmpty();
    assertThat(t.room.data.dropped(DataDrop.UNKNOWN_CHANNEL)).isEqualTo(1);
  }

  @Test
  void theServerApiSendsWithoutASender() {
    TestRoom.Member alice = member("alice");
    TestRoom.Member bob = member("bob");
    DataPacket fromApi =
        DataPacket.newBuilder()
            .setKind(DataPacket.Kind.RELIABLE)
            .addDestinationIdentities("bob")
            .setUser(
                UserPacket.newBuilder()
                    .setPayload(ByteString.copyFromUtf8("from the server"))
                    .addDestinationIdentities("bob"))
            .build();

    synchronized (t.room) {
      t.room.data.send(fromApi);
    }

    assertThat(received(alice, "_reliable")).isEmpty();
    DataPacket dp = received(bob, "_reliable").get(0);
    assertThat(dp.getParticipantIdentity()).isEmpty();
    assertThat(dp.getParticipantSid()).isEmpty();
    assertThat(dp.getUser().getPayload().toStringUtf8()).isEqualTo("from the server");
  }

  @Test
  void theAdminApiSendsToTheLiveRoomOrAnswersNotFound() {
    TestRoom.Member alice = member("alice");
    RoomAdmin admin =
        new RoomAdmin(
            name -> name.equals("test-room") ? t.room : null, name -> true, (n, m) -> null);
    DataPacket packet = user("all hands");

    admin.sendData("test-room", packet);

    assertThat(received(alice, "_reliable")).hasSize(1);
    assertThatThrownBy(() -> admin.sendData("elsewhere", packet))
        .isInstanceOfSatisfying(
            RoomException.class, e -> assertThat(e.code()).isEqualTo(RoomException.Code.NOT_FOUND));
  }

  private static List<String> decode(List<byte[]> payloads) {
    List<String> out = new ArrayList<>();
    for (byte[] p : payloads) {
      try {
        out.add(DataPacket.parseFrom(p).getUser().getPayload().toStringUtf8());
      } catch (InvalidProtocolBufferException e) {
        throw new AssertionError(e);
      }
    }
    return out;
  }
}
