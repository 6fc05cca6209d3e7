package dev.sfumato.rooms.live;

import static dev.sfumato.rooms.live.Participant.Protocol.V1;
import static org.assertj.core.api.Assertions.assertThat;

import livekit.LivekitRtc.MediaSectionsRequirement;
import livekit.LivekitRtc.RequestResponse;
import livekit.LivekitRtc.SessionDescription;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse.MessageCase;
import livekit.LivekitRtc.SubscriptionPermission;
import livekit.LivekitRtc.TrackPermission;
import livekit.LivekitRtc.UpdateParticipantMetadata;
import livekit.LivekitRtc.UpdateSubscription;
import livekit.LivekitRtc.UpdateTrackSettings;
import org.junit.jupiter.api.Test;

/** Signal requests against a room that already has tracks, and requests from non-members. */
class SignalHandlerTest {
  private static final String SENDONLY = TestRoom.sdp("chromium-audio-video-sendonly");
  private static final String RECVONLY = TestRoom.sdp("chromium-recvonly-datachannel");

  private final TestRoom t = new TestRoom();

  @Test
  void aV1LatecomerWhoseFirstOfferHasNoFreeSectionsIsAskedForThem() {
    TestRoom.Member alice = t.join("alice", V1);
    alice.publishMicAndCamera();
    TestRoom.Member bob = t.join("bob", V1);
    assertThat(bob.p.subscriptions).as("auto-subscribed at join").hasSize(2);

    bob.offer(SENDONLY.replace("a=sendonly", "a=inactive"), 1);

    assertThat(bob.sink.of(MessageCase.ANSWER)).hasSize(1);
    MediaSectionsRequirement need =
        bob.sink.last(MessageCase.MEDIA_SECTIONS_REQUIREMENT).getMediaSectionsRequirement();
    assertThat(need.getNumAudios()).isEqualTo(1);
    assertThat(need.getNumVideos()).isEqualTo(1);

    bob.offer(RECVONLY, 2);
    SessionDescription answer = bob.sink.last(MessageCase.ANSWER).getAnswer();
    assertThat(answer.getMidToTrackIdMap().values())
        .containsExactlyInAnyOrderElementsOf(alice.p.publications.keySet());
    assertThat(t.media.consumers).hasSize(2);
  }

  @Test
  void aV1LatecomerWithEnoughSectionsIsNotAskedForMore() {
    TestRoom.Member alice = t.join("alice", V1);
    alice.publishMicAndCamera();
    TestRoom.Member bob = t.join("bob", V1);

    bob.offer(RECVONLY, 1);

    assertThat(bob.sink.of(MessageCase.MEDIA_SECTIONS_REQUIREMENT)).isEmpty();
    assertThat(bob.sink.last(MessageCase.ANSWER).getAnswer().getMidToTrackIdMap()).hasSize(2);
    assertThat(t.media.consumers).hasSize(2);
  }

  @Test
  void requestsOfAParticipantThatIsNotInTheRoomAreIgnored() {
    TestRoom.Member alice = t.join("alice", V1);
    alice.publishMicAndCamera();
    int transports = t.media.calls.size();
    // What LiveRooms hands a connection whose resume failed: same identity, not a member.
    Participant phantom = TestRoom.participant("alice", V1, g -> g);
    RecordingSink sink = new RecordingSink();
    phantom.sink = sink;

    SignalHandler.handle(t.room, phantom, offer(RECVONLY, 1), 0);
    SignalHandler.handle(
        t.room,
        phantom,
        SignalRequest.newBuilder()
            .setSubscription(
                UpdateSubscription.newBuilder()
                    .addAllTrackSids(alice.p.publications.keySet())
                    .setSubscribe(true))
            .build(),
        0);

    assertThat(t.media.calls).hasSize(transports);
    assertThat(phantom.subscriptions).isEmpty();
    assertThat(sink.sent).isEmpty();
    assertThat(t.room.byIdentity("alice")).isSameAs(alice.p);
  }

  @Test
  void disablingATrackPausesItsConsumerAndUnsubscribingClosesIt() {
    TestRoom.Member alice = t.join("alice", V1);
    alice.publishMicAndCamera();
    TestRoom.Member bob = t.join("bob", V1);
    bob.offer(RECVONLY, 1);
    String camera = alice.info().getTracks(1).getSid();
    Subscription s = bob.p.subscriptions.get(camera);

    bob.request(
        SignalRequest.newBuilder()
            .setTrackSetting(
                UpdateTrackSettings.newBuilder().addTrackSids(camera).setDisabled(true))
            .build());
    assertThat(t.media.calls).contains("setConsumerPaused " + s.consumer + " true");

    bob.request(
        SignalRequest.newBuilder()
            .setSubscription(
                UpdateSubscription.newBuilder().addTrackSids(camera).setSubscribe(false))
            .build());
    assertThat(t.media.closedConsumers).hasSize(1);
    assertThat(bob.p.subscriptions).doesNotContainKey(camera);

    bob.offer(RECVONLY, 2);
    assertThat(bob.sink.last(MessageCase.ANSWER).getAnswer().getMidToTrackIdMap())
        .as("the freed section is not reused in the same round")
        .doesNotContainValue(camera)
        .hasSize(1);
  }

  @Test
  void oversizedMetadataOrAttributesAreRefusedWithLimitExceeded() {
    TestRoom.Member bob = t.join("bob", V1, g -> g.canUpdateOwnMetadata(true));
    bob.request(metadata(UpdateParticipantMetadata.newBuilder().setMetadata("x".repeat(64_001))));
    RequestResponse refused = bob.sink.last(MessageCase.REQUEST_RESPONSE).getRequestResponse();
    assertThat(refused.getReason()).isEqualTo(RequestResponse.Reason.LIMIT_EXCEEDED);
    assertThat(refused.getRequestId()).isEqualTo(5);

    bob.request(
        metadata(UpdateParticipantMetadata.newBuilder().putAttributes("a", "y".repeat(40_000))));
    bob.request(
        metadata(UpdateParticipantMetadata.newBuilder().putAttributes("b", "z".repeat(40_000))));
    assertThat(bob.sink.of(MessageCase.REQUEST_RESPONSE)).hasSize(2);
    assertThat(bob.info().getAttributesMap()).containsOnlyKeys("a");

    // Removing one attribute while adding another keeps the total within the limit.
    bob.request(
        metadata(
            UpdateParticipantMetadata.newBuilder()
                .putAttributes("a", "")
                .putAttributes("b", "z".repeat(40_000))));
    assertThat(bob.sink.of(MessageCase.REQUEST_RESPONSE)).hasSize(2);
    assertThat(bob.info().getAttributesMap()).containsOnlyKeys("b");
    bob.request(metadata(UpdateParticipantMetadata.newBuilder().setMetadata("x".repeat(64_000))));
    assertThat(bob.info().getMetadata()).hasSize(64_000);
  }

  @Test
  void grantingASubscriptionPermissionAgainSubscribesAutoSubscribers() {
    TestRoom.Member alice = t.join("alice", V1);
    alice.publishMicAndCamera();
    alice.request(permission(SubscriptionPermission.newBuilder().setAllParticipants(false)));
    TestRoom.Member bob = t.join("bob", V1);
    TestRoom.Member carol = t.join("carol", V1);
    assertThat(bob.p.subscriptions).isEmpty();
    assertThat(bob.sink.of(MessageCase.SUBSCRIPTION_PERMISSION_UPDATE)).hasSize(2);

    alice.request(
        permission(
            SubscriptionPermission.newBuilder()
                .addTrackPermissions(
                    TrackPermission.newBuilder()
                        .setParticipantIdentity("bob")
                        .setAllTracks(true))));

    assertThat(bob.p.subscriptions).hasSize(2);
    assertThat(bob.sink.last(MessageCase.SUBSCRIPTION_PERMISSION_UPDATE))
        .extracting(r -> r.getSubscriptionPermissionUpdate().getAllowed())
        .isEqualTo(true);
    assertThat(carol.p.subscriptions).isEmpty();
  }

  private static SignalRequest metadata(UpdateParticipantMetadata.Builder b) {
    return SignalRequest.newBuilder().setUpdateMetadata(b.setRequestId(5)).build();
  }

  private static SignalRequest permission(SubscriptionPermission.Builder b) {
    return SignalRequest.newBuilder().setSubscriptionPermission(b).build();
  }

  private static SignalRequest offer(String sdp, int id) {
    return SignalRequest.newBuilder()
        .setOffer(SessionDescription.newBuilder().setType("offer").setSdp(sdp).setId(id))
        .build();
  }
}
