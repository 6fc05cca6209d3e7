package dev.sfumato.rooms.live;

import static dev.sfumato.rooms.live.Participant.Protocol.V0;
import static dev.sfumato.rooms.live.Participant.Protocol.V1;
import static dev.sfumato.rooms.live.TestRoom.CAMERA_CID;
import static dev.sfumato.rooms.live.TestRoom.MIC_CID;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.TrackInfo;
import livekit.LivekitModels.TrackSource;
import livekit.LivekitModels.TrackType;
import livekit.LivekitRtc.MediaSectionsRequirement;
import livekit.LivekitRtc.MuteTrackRequest;
import livekit.LivekitRtc.RequestResponse;
import livekit.LivekitRtc.SessionDescription;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;
import livekit.LivekitRtc.SignalResponse.MessageCase;
import livekit.LivekitRtc.TrackPublishedResponse;
import org.junit.jupiter.api.Test;

/** add_track, the publisher's offer, and what subscribers get: LiveKit's publish flow. */
class RoomPublishingTest {
  private final TestRoom t = new TestRoom();

  @Test
  void addTrackIsAnsweredWithATrackSid() {
    TestRoom.Member alice = t.join("alice", V1);
    alice.addTrack(CAMERA_CID, TrackType.VIDEO, TrackSource.CAMERA);

    TrackPublishedResponse published =
        alice.sink.last(MessageCase.TRACK_PUBLISHED).getTrackPublished();
    assertThat(published.getCid()).isEqualTo(CAMERA_CID);
    assertThat(published.getTrack().getSid()).startsWith("TR_").hasSize(15);
    assertThat(published.getTrack().getType()).isEqualTo(TrackType.VIDEO);
    assertThat(published.getTrack().getSource()).isEqualTo(TrackSource.CAMERA);

    alice.addTrack(CAMERA_CID, TrackType.VIDEO, TrackSource.CAMERA);
    assertThat(alice.sink.last(MessageCase.TRACK_PUBLISHED).getTrackPublished().getTrack().getSid())
        .as("the same cid again is the same track")
        .isEqualTo(published.getTrack().getSid());
  }

  @Test
  void addTrackWithoutCanPublishIsNotAllowed() {
    TestRoom.Member viewer = t.join("viewer", V1, g -> g.canPublish(false));
    viewer.addTrack(CAMERA_CID, TrackType.VIDEO, TrackSource.CAMERA);

    assertThat(viewer.sink.of(MessageCase.TRACK_PUBLISHED)).isEmpty();
    assertThat(viewer.sink.last(MessageCase.REQUEST_RESPONSE).getRequestResponse().getReason())
        .isEqualTo(RequestResponse.Reason.NOT_ALLOWED);
    assertThat(viewer.p.pendingTracks).isEmpty();
  }

  @Test
  void addTrackOfASourceNotInCanPublishSourcesIsNotAllowed() {
    TestRoom.Member mic = t.join("mic", V1, g -> g.canPublishSources("microphone"));
    mic.addTrack(CAMERA_CID, TrackType.VIDEO, TrackSource.CAMERA);
    assertThat(mic.sink.last(MessageCase.REQUEST_RESPONSE).getRequestResponse().getReason())
        .isEqualTo(RequestResponse.Reason.NOT_ALLOWED);

    mic.addTrack(MIC_CID, TrackType.AUDIO, TrackSource.MICROPHONE);
    assertThat(mic.sink.of(MessageCase.TRACK_PUBLISHED)).hasSize(1);
  }

  @Test
  void aV1OfferIsAnsweredAndItsTracksGoLive() {
    TestRoom.Member bob = t.join("bob", V1);
    TestRoom.Member alice = t.join("alice", V1);
    bob.sink.clear();

    alice.publishMicAndCamera();

    SessionDescription answer = alice.sink.last(MessageCase.ANSWER).getAnswer();
    assertThat(answer.getType()).isEqualTo("answer");
    assertThat(answer.getId()).isEqualTo(1);
    assertThat(answer.getSdp())
        .contains("a=ice-lite", "a=fingerprint:sha-256 " + FakeMedia.FINGERPRINT, "127.0.0.1");
    assertThat(t.media.calls).contains("createTransport RT_test", "connect TP_1");
    assertThat(t.media.producers).hasSize(2);
    assertThat(alice.info().getTracksList())
        .extracting(TrackInfo::getType, TrackInfo::getMid)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(TrackType.AUDIO, "0"),
            org.assertj.core.groups.Tuple.tuple(TrackType.VIDEO, "1"));
    assertThat(alice.info().getTracks(0).getMimeType()).startsWith("audio/");
    assertThat(alice.info().getTracks(1).getMimeType()).startsWith("video/");
    assertThat(alice.info().getState()).isEqualTo(ParticipantInfo.State.ACTIVE);
    assertThat(alice.info().getIsPublisher()).isTrue();

    ParticipantInfo seen = lastInfoOf(bob, "alice");
    assertThat(seen.getIsPublisher()).isTrue();
    assertThat(seen.getTracksList()).hasSize(2);
  }

  @Test
  void aV1SubscriberIsAskedForSectionsThenGetsTheTracksInItsAnswer() {
    TestRoom.Member bob = t.join("bob", V1);
    bob.offer(TestRoom.sdp("chromium-recvonly-datachannel"), 1);
    TestRoom.Member alice = t.join("alice", V1);
    bob.sink.clear();

    alice.publishMicAndCamera();

    MediaSectionsRequirement need =
        bob.sink.last(MessageCase.MEDIA_SECTIONS_REQUIREMENT).getMediaSectionsRequirement();
    assertThat(need.getNumAudios()).as("bob's offer already has a free audio section").isZero();
    assertThat(need.getNumVideos()).isZero();

    bob.offer(TestRoom.sdp("chromium-recvonly-datachannel"), 2);
    SessionDescription answer = bob.sink.last(MessageCase.ANSWER).getAnswer();
    String streamPrefix = "a=msid:" + alice.p.sid + "|TR_";
    assertThat(answer.getSdp()).contains(streamPrefix);
    assertThat(answer.getMidToTrackIdMap()).hasSize(2);
    assertThat(answer.getMidToTrackIdMap().values())
        .containsExactlyInAnyOrderElementsOf(alice.p.publications.keySet());
    assertThat(t.media.consumers).hasSize(2);
    assertThat(bob.p.subscriptions).hasSize(2);
  }

  @Test
  void aV1SubscriberWithoutFreeSectionsIsToldHowManyToAdd() {
    TestRoom.Member bob = t.join("bob", V1);
    bob.offer(TestRoom.sdp("chromium-audio-video-sendonly"), 1);
    TestRoom.Member alice = t.join("alice", V1);
    alice.publishMicAndCamera();

    MediaSectionsRequirement need =
        bob.sink.last(MessageCase.MEDIA_SECTIONS_REQUIREMENT).getMediaSectionsRequirement();
    assertThat(need.getNumAudios()).isEqualTo(1);
    assertThat(need.getNumVideos()).isEqualTo(1);
  }

  @Test
  void aV0SubscriberGetsServerOffersWithLiveKitsMsidOneAtATime() {
    TestRoom.Member bob = t.join("bob", V0);
    TestRoom.Member alice = t.join("alice", V1);
    alice.publishMicAndCamera();
    String mic = alice.info().getTracks(0).getSid();
    String camera = alice.info().getTracks(1).getSid();

    SessionDescription first = bob.sink.last(MessageCase.OFFER).getOffer();
    assertThat(bob.sink.of(MessageCase.OFFER)).as("one offer in flight").hasSize(1);
    assertThat(first.getType()).isEqualTo("offer");
    assertThat(first.getSdp()).contains("a=msid:" + alice.p.sid + "|" + mic + " " + mic);
    assertThat(first.getMidToTrackIdMap()).containsValue(mic);
    assertThat(bob.p.subscriber).isNotNull();

    bob.request(answer(first));

    assertThat(t.media.calls).contains("connect " + bob.p.subscriber.id());
    assertThat(t.media.consumers).hasSize(1).containsValue(alice.p.publications.get(mic).producer);
    SessionDescription second = bob.sink.last(MessageCase.OFFER).getOffer();
    assertThat(second.getId()).isEqualTo(first.getId() + 1);
    assertThat(second.getSdp()).contains("a=msid:" + alice.p.sid + "|" + camera + " " + camera);
    assertThat(second.getMidToTrackIdMap().values()).containsExactlyInAnyOrder(mic, camera);

    bob.request(answer(second));
    assertThat(t.media.consumers).hasSize(2);
    assertThat(bob.sink.of(MessageCase.OFFER)).hasSize(2);
  }

  @Test
  void aStaleOrBrokenV0AnswerIsIgnored() {
    TestRoom.Member bob = t.join("bob", V0);
    TestRoom.Member alice = t.join("alice", V1);
    alice.publishMicAndCamera();
    SessionDescription offer = bob.sink.last(MessageCase.OFFER).getOffer();

    bob.request(
        SignalRequest.newBuilder()
            .setAnswer(SessionDescription.newBuilder().setType("answer").setSdp("v=0\r\nx"))
            .build());
    assertThat(t.media.consumers).isEmpty();
    bob.request(answer(offer));
    bob.request(answer(offer));
    assertThat(t.media.consumers).hasSize(1);
  }

  private static SignalRequest answer(SessionDescription offer) {
    return SignalRequest.newBuilder()
        .setAnswer(
            SessionDescription.newBuilder()
                .setType("answer")
                .setId(offer.getId())
                .setSdp(TestRoom.answerTo(offer.getSdp())))
        .build();
  }

  @Test
  void muteIsSentAsAnUpdateWithTheTrackMuted() {
    TestRoom.Member bob = t.join("bob", V1);
    TestRoom.Member alice = t.join("alice", V1);
    alice.publishMicAndCamera();
    String mic = alice.info().getTracks(0).getSid();
    bob.sink.clear();

    alice.request(
        SignalRequest.newBuilder()
            .setMute(MuteTrackRequest.newBuilder().setSid(mic).setMuted(true))
            .build());

    ParticipantInfo seen = lastInfoOf(bob, "alice");
    assertThat(seen.getTracksList())
        .filteredOn(tr -> tr.getSid().equals(mic))
        .singleElement()
        .extracting(TrackInfo::getMuted)
        .isEqualTo(true);
  }

  @Test
  void revokingASubscriptionPermissionUnsubscribesAndTellsTheSubscriber() {
    TestRoom.Member bob = t.join("bob", V1);
    bob.offer(TestRoom.sdp("chromium-recvonly-datachannel"), 1);
    TestRoom.Member alice = t.join("alice", V1);
    alice.publishMicAndCamera();
    bob.offer(TestRoom.sdp("chromium-recvonly-datachannel"), 2);
    assertThat(t.media.consumers).hasSize(2);
    bob.sink.clear();

    alice.request(
        SignalRequest.newBuilder()
            .setSubscriptionPermission(
                livekit.LivekitRtc.SubscriptionPermission.newBuilder().setAllParticipants(false))
            .build());

    assertThat(bob.p.subscriptions).isEmpty();
    assertThat(t.media.closedConsumers)
        .containsExactlyInAnyOrderElementsOf(t.media.consumers.keySet());
    List<SignalResponse> updates = bob.sink.of(MessageCase.SUBSCRIPTION_PERMISSION_UPDATE);
    assertThat(updates).hasSize(2);
    assertThat(updates)
        .allSatisfy(
            u -> {
              assertThat(u.getSubscriptionPermissionUpdate().getAllowed()).isFalse();
              assertThat(u.getSubscriptionPermissionUpdate().getParticipantSid())
                  .isEqualTo(alice.p.sid);
            });
  }

  @Test
  void aPublisherLeavingClosesItsProducersAndItsSubscribersConsumers() {
    TestRoom.Member bob = t.join("bob", V1);
    bob.offer(TestRoom.sdp("chromium-recvonly-datachannel"), 1);
    TestRoom.Member alice = t.join("alice", V1);
    alice.publishMicAndCamera();
    bob.offer(TestRoom.sdp("chromium-recvonly-datachannel"), 2);

    t.room.leave(alice.p, DisconnectReason.CLIENT_INITIATED, false);

    assertThat(t.media.closedProducers)
        .containsExactlyInAnyOrderElementsOf(t.media.producers.keySet());
    assertThat(t.media.closedConsumers)
        .containsExactlyInAnyOrderElementsOf(t.media.consumers.keySet());
    assertThat(bob.p.subscriptions).isEmpty();
    assertThat(t.media.closedTransports).contains(alice.p.publisher.id());
  }

  @Test
  void updateMetadataWithoutPermissionIsNotAllowed() {
    TestRoom.Member alice = t.join("alice", V1);
    alice.request(
        SignalRequest.newBuilder()
            .setUpdateMetadata(
                livekit.LivekitRtc.UpdateParticipantMetadata.newBuilder()
                    .setMetadata("x")
                    .setRequestId(9))
            .build());

    RequestResponse refused = alice.sink.last(MessageCase.REQUEST_RESPONSE).getRequestResponse();
    assertThat(refused.getRequestId()).isEqualTo(9);
    assertThat(refused.getReason()).isEqualTo(RequestResponse.Reason.NOT_ALLOWED);
    assertThat(alice.info().getMetadata()).isEmpty();
  }

  @Test
  void garbageSdpAndUnsolicitedRequestsChangeNothing() {
    TestRoom.Member alice = t.join("alice", V1);
    alice.offer("v=0\r\nthis is not sdp", 1);
    alice.request(
        SignalRequest.newBuilder()
            .setAnswer(SessionDescription.newBuilder().setType("answer").setSdp("junk"))
            .build());
    alice.request(
        SignalRequest.newBuilder()
            .setSubscription(
                livekit.LivekitRtc.UpdateSubscription.newBuilder()
                    .addTrackSids("TR_doesnotexist")
                    .setSubscribe(true))
            .build());

    assertThat(alice.sink.of(MessageCase.ANSWER)).isEmpty();
    assertThat(alice.p.subscriptions).isEmpty();
    assertThat(t.room.participants()).hasSize(1);
  }

  private static ParticipantInfo lastInfoOf(TestRoom.Member to, String identity) {
    List<ParticipantInfo> infos =
        to.sink.of(MessageCase.UPDATE).stream()
            .flatMap(u -> u.getUpdate().getParticipantsList().stream())
            .filter(i -> i.getIdentity().equals(identity))
            .toList();
    assertThat(infos).as("updates about " + identity).isNotEmpty();
    return infos.get(infos.size() - 1);
  }
}
