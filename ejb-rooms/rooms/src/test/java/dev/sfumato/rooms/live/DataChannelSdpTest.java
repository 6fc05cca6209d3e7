package dev.sfumato.rooms.live;

import static dev.sfumato.rooms.live.Participant.Protocol.V0;
import static dev.sfumato.rooms.live.Participant.Protocol.V1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sfumato.engine.api.DataChannelParameters;
import dev.sfumato.engine.api.SctpParameters;
import dev.sfumato.engine.api.TransportId;
import dev.sfumato.rooms.sdp.OfferBuilder;
import java.util.List;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitRtc.SessionDescription;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse.MessageCase;
import org.junit.jupiter.api.Test;

/** The data channel sections of LiveKit's connections, and the SCTP and channels they start. */
class DataChannelSdpTest {
  /** Chromium's v1-shaped first offer: recvonly audio and video, then {@code _reliable}'s data. */
  private static final String V1_OFFER = TestRoom.sdp("chromium-recvonly-datachannel");

  private final TestRoom t = new TestRoom(TestRoom.WITH_DATA);

  @Test
  void aV1AnswerAcceptsTheDataSectionAndStartsSctpWithTheOffersValues() {
    TestRoom.Member alice = t.join("alice", V1);

    alice.offer(V1_OFFER, 1);

    String answer = alice.sink.last(MessageCase.ANSWER).getAnswer().getSdp();
    assertThat(answer)
        .contains("m=application 40000 UDP/DTLS/SCTP webrtc-datachannel")
        .contains("a=mid:2")
        .contains("a=sctp-port:5000")
        .contains("a=max-message-size:262144")
        .contains("a=group:BUNDLE 0 1 2");
    TransportId transport = alice.p.publisher.id();
    assertThat(t.media.sctp).containsEntry(transport, new SctpParameters(5000, 262144));
    assertThat(t.media.calls)
        .containsSubsequence("connect " + transport, "enableSctp " + transport + " 5000 262144");

    alice.offer(V1_OFFER, 2);
    assertThat(t.media.calls.stream().filter(c -> c.startsWith("enableSctp"))).hasSize(1);
  }

  @Test
  void theAnswerCarriesTheEnginesSctpValuesAndTheOfferDefaultsFollowRfc8841() {
    t.media.localSctp = new SctpParameters(5000, 65536);
    TestRoom.Member alice = t.join("alice", V1);

    alice.offer(V1_OFFER.replace("a=max-message-size:262144\r\n", ""), 1);

    String answer = alice.sink.last(MessageCase.ANSWER).getAnswer().getSdp();
    assertThat(answer).contains("a=max-message-size:65536").doesNotContain("262144");
    assertThat(t.media.sctp.get(alice.p.publisher.id()))
        .as("an absent a=max-message-size means 64 KiB (RFC 8841 §6.1)")
        .isEqualTo(new SctpParameters(5000, 65536));
  }

  @Test
  void withDataChannelsOffAV1DataSectionIsRejectedAndNoSctpStarts() {
    TestRoom off = new TestRoom();
    TestRoom.Member alice = off.join("alice", V1);

    alice.offer(V1_OFFER, 1);

    String answer = alice.sink.last(MessageCase.ANSWER).getAnswer().getSdp();
    assertThat(answer).contains("m=application 0 UDP/DTLS/SCTP webrtc-datachannel");
    assertThat(off.media.sctp).isEmpty();
  }

  @Test
  void aV0PublisherConnectionStartsSctpToo() {
    TestRoom.Member bob = t.join("bob", V0, g -> g.canSubscribe(false));

    bob.offer(V1_OFFER, 1);

    assertThat(t.media.sctp).containsKey(bob.p.publisher.id());
  }

  @Test
  void aV0SubscriberIsSubscriberPrimaryAndGetsADataOnlyOfferAtJoin() {
    TestRoom.Member bob = t.join("bob", V0);

    assertThat(bob.sink.sent.get(0).getJoin().getSubscriberPrimary()).isTrue();
    SessionDescription offer = bob.sink.last(MessageCase.OFFER).getOffer();
    assertThat(offer.getSdp())
        .contains("m=application")
        .contains("a=mid:" + OfferBuilder.DATA_CHANNEL_MID)
        .contains("a=sctp-port:5000")
        .contains("a=max-message-size:262144")
        .doesNotContain("m=audio")
        .doesNotContain("m=video");
    assertThat(bob.p.subscriber.hasDataChannel()).isTrue();
  }

  @Test
  void theSubscribersAnswerStartsSctpAndOpensReliableAndLossy() {
    TestRoom.Member bob = t.join("bob", V0);
    SessionDescription offer = bob.sink.last(MessageCase.OFFER).getOffer();

    bob.request(answer(offer));

    TransportId sub = bob.p.subscriber.id();
    assertThat(t.media.calls)
        .containsSubsequence(
            "connect " + sub,
            "enableSctp " + sub + " 5000 262144",
            "openDataChannel " + sub + " _reliable -1",
            "openDataChannel " + sub + " _lossy -1");
    DataChannelParameters reliable =
        t.media.dataChannels.get(t.media.channel(sub, "_reliable")).parameters();
    DataChannelParameters lossy =
        t.media.dataChannels.get(t.media.channel(sub, "_lossy")).parameters();
    assertThat(reliable.ordered()).isTrue();
    assertThat(reliable.reliable()).isTrue();
    assertThat(lossy.ordered()).isFalse();
    assertThat(lossy.maxRetransmits()).isZero();
    assertThat(bob.p.data.subscriberReliable).isEqualTo(t.media.channel(sub, "_reliable"));
    assertThat(bob.p.state).isEqualTo(ParticipantInfo.State.ACTIVE);

    bob.request(answer(offer));
    assertThat(t.media.calls.stream().filter(c -> c.startsWith("openDataChannel"))).hasSize(2);
  }

  @Test
  void aV0ParticipantThatCannotSubscribeIsNotSubscriberPrimary() {
    TestRoom.Member bob = t.join("bob", V0, g -> g.canSubscribe(false));

    assertThat(bob.sink.sent.get(0).getJoin().getSubscriberPrimary()).isFalse();
    assertThat(bob.sink.of(MessageCase.OFFER)).isEmpty();
    assertThat(bob.p.subscriber).isNull();
  }

  @Test
  void tracksSubscribedAtJoinShareTheFirstOfferWithTheDataChannel() {
    TestRoom.Member alice = t.join("alice", V1);
    alice.publishMicAndCamera();

    TestRoom.Member bob = t.join("bob", V0);

    List<SessionDescription> offers =
        bob.sink.of(MessageCase.OFFER).stream().map(m -> m.getOffer()).toList();
    assertThat(offers).hasSize(1);
    assertThat(offers.get(0).getSdp()).contains("m=application").contains("m=audio");
  }

  @Test
  void theTransportIndexKnowsEachConnectionUntilTheParticipantLeaves() {
    TestRoom.Member alice = t.join("alice", V1);
    alice.offer(V1_OFFER, 1);
    TestRoom.Member bob = t.join("bob", V0);

    assertThat(t.transports.get(alice.p.publisher.id()).participant()).isSameAs(alice.p);
    assertThat(t.transports.get(bob.p.subscriber.id()).participant()).isSameAs(bob.p);
    assertThat(t.transports.get(bob.p.subscriber.id()).room()).isSameAs(t.room);

    t.room.leave(alice.p, livekit.LivekitModels.DisconnectReason.CLIENT_INITIATED, false);
    assertThat(t.transports).doesNotContainKey(alice.p.publisher.id()).hasSize(1);
  }

  static SignalRequest answer(SessionDescription offer) {
    return SignalRequest.newBuilder()
        .setAnswer(
            SessionDescription.newBuilder()
                .setType("answer")
                .setId(offer.getId())
                .setSdp(TestRoom.answerTo(offer.getSdp())))
        .build();
  }
}
