package dev.sfumato.signal.twirp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.sfumato.rooms.auth.ClaimGrants;
import dev.sfumato.rooms.auth.VideoGrant;
import dev.sfumato.rooms.live.LiveRooms;
import java.nio.charset.StandardCharsets;
import livekit.LivekitModels.DataPacket;
import livekit.LivekitRoom.SendDataRequest;
import org.junit.jupiter.api.Test;

/** RoomService.SendData: the packet LiveKit makes of the request, and the checks before it. */
@SuppressWarnings("deprecation") // DataPacket.kind, the destination sids
class SendDataTest {
  private static final ClaimGrants ADMIN =
      ClaimGrants.builder()
          .video(VideoGrant.builder().roomAdmin(true).room("standup").build())
          .build();

  /** Never reached: every request here fails its checks first. */
  private final LiveRooms live = new LiveRooms();

  @Test
  void theRequestBecomesAUserPacketWithoutASender() {
    SendDataRequest request =
        SendDataRequest.newBuilder()
            .setRoom("standup")
            .setData(ByteString.copyFromUtf8("hello"))
            .setKind(DataPacket.Kind.LOSSY)
            .addDestinationIdentities("bob")
            .addDestinationSids("PA_bob")
            .setTopic("news")
            .setNonce(ByteString.copyFrom(new byte[16]))
            .build();

    DataPacket dp = ParticipantMethods.dataPacket(request);

    assertThat(dp.getKind()).isEqualTo(DataPacket.Kind.LOSSY);
    assertThat(dp.getParticipantIdentity()).isEmpty();
    assertThat(dp.getParticipantSid()).isEmpty();
    assertThat(dp.getDestinationIdentitiesList()).containsExactly("bob");
    assertThat(dp.getUser().getPayload().toStringUtf8()).isEqualTo("hello");
    assertThat(dp.getUser().getDestinationIdentitiesList()).containsExactly("bob");
    assertThat(dp.getUser().getDestinationSidsList()).containsExactly("PA_bob");
    assertThat(dp.getUser().getTopic()).isEqualTo("news");
    assertThat(dp.getUser().getNonce().size()).isEqualTo(16);
    assertThat(dp.getUser().getParticipantIdentity()).isEmpty();
  }

  @Test
  void noTopicStaysUnset() {
    DataPacket dp =
        ParticipantMethods.dataPacket(SendDataRequest.newBuilder().setRoom("standup").build());
    assertThat(dp.getUser().hasTopic()).isFalse();
    assertThat(dp.getKind()).isEqualTo(DataPacket.Kind.RELIABLE);
  }

  @Test
  void aNonceThatIsNotAUuidIsInvalid() {
    byte[] body =
        "{\"room\":\"standup\",\"data\":\"aGk=\",\"nonce\":\"AAEC\"}"
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(
            () -> ParticipantMethods.dispatch(live, "SendData", TwirpCodec.JSON, body, ADMIN))
        .isInstanceOfSatisfying(
            TwirpException.class,
            e -> {
              assertThat(e.code()).isEqualTo(TwirpCode.INVALID_ARGUMENT);
              assertThat(e.getMessage()).contains("got: 3 bytes");
            });
  }

  @Test
  void anAdminOfAnotherRoomIsDenied() {
    byte[] body = "{\"room\":\"other\",\"data\":\"aGk=\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(
            () -> ParticipantMethods.dispatch(live, "SendData", TwirpCodec.JSON, body, ADMIN))
        .isInstanceOfSatisfying(
            TwirpException.class, e -> assertThat(e.code()).isEqualTo(TwirpCode.PERMISSION_DENIED));
  }
}
