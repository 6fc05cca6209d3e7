package dev.sfumato.signal.twirp;

import com.google.protobuf.Message;
import dev.sfumato.rooms.auth.ClaimGrants;
import dev.sfumato.rooms.auth.VideoGrant;
import dev.sfumato.rooms.live.LiveRooms;
import livekit.LivekitModels.DataPacket;
import livekit.LivekitModels.UserPacket;
import livekit.LivekitRoom;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The RoomService methods that act on a room's participants (its metadata, the data sent to its
 * participants): decoding, the grant check and encoding; the work is {@link LiveRooms}'. Every one
 * of them needs the roomAdmin grant for the very room it names, as LiveKit's {@code
 * EnsureAdminPermission} demands.
 */
final class ParticipantMethods {
  /**
   * LiveKit's {@code room.enable_remote_unmute}, off by default there too: an admin may mute
   * anyone, but unmuting a microphone from afar is a privacy decision left to the operator.
   */
  static final String REMOTE_UNMUTE = "sfumato.room.enable-remote-unmute";

  private ParticipantMethods() {}

  /** The answer to {@code method}, or BAD_ROUTE when it is not one of these. */
  static Message dispatch(
      LiveRooms live, String method, TwirpCodec codec, byte[] body, ClaimGrants claims) {
    switch (method) {
      case "ListParticipants" -> {
        var request = codec.decode(body, LivekitRoom.ListParticipantsRequest.newBuilder()).build();
        requireAdmin(claims, request.getRoom());
        return LivekitRoom.ListParticipantsResponse.newBuilder()
            .addAllParticipants(live.listParticipants(request.getRoom()))
            .build();
      }
      case "GetParticipant" -> {
        var request = codec.decode(body, LivekitRoom.RoomParticipantIdentity.newBuilder()).build();
        requireAdmin(claims, request.getRoom());
        return live.getParticipant(request.getRoom(), request.getIdentity());
      }
      case "RemoveParticipant" -> {
        var request = codec.decode(body, LivekitRoom.RoomParticipantIdentity.newBuilder()).build();
        requireAdmin(claims, request.getRoom());
        live.removeParticipant(request.getRoom(), request.getIdentity());
        return LivekitRoom.RemoveParticipantResponse.getDefaultInstance();
      }
      case "MutePublishedTrack" -> {
        return mute(
            live,
            codec.decode(body, LivekitRoom.MuteRoomTrackRequest.newBuilder()).build(),
            claims);
      }
      case "UpdateParticipant" -> {
        var request = codec.decode(body, LivekitRoom.UpdateParticipantRequest.newBuilder()).build();
        requireAdmin(claims, request.getRoom());
        return live.updateParticipant(
            request.getRoom(),
            request.getIdentity(),
            request.getMetadata(),
            request.getName(),
            request.hasPermission() ? request.getPermission() : null,
            request.getAttributesMap());
      }
      case "UpdateSubscriptions" -> {
        var request =
            codec.decode(body, LivekitRoom.UpdateSubscriptionsRequest.newBuilder()).build();
        requireAdmin(claims, request.getRoom());
        live.updateSubscriptions(
            request.getRoom(),
            request.getIdentity(),
            request.getTrackSidsList(),
            request.getParticipantTracksList(),
            request.getSubscribe());
        return LivekitRoom.UpdateSubscriptionsResponse.getDefaultInstance();
      }
      case "UpdateRoomMetadata" -> {
        var request =
            codec.decode(body, LivekitRoom.UpdateRoomMetadataRequest.newBuilder()).build();
        requireAdmin(claims, request.getRoom());
        return RoomMessages.room(live.updateRoomMetadata(request.getRoom(), request.getMetadata()));
      }
      case "SendData" -> {
        var request = codec.decode(body, LivekitRoom.SendDataRequest.newBuilder()).build();
        requireAdmin(claims, request.getRoom());
        live.sendData(request.getRoom(), dataPacket(request));
        return LivekitRoom.SendDataResponse.getDefaultInstance();
      }
      default ->
          throw new TwirpException(
              TwirpCode.BAD_ROUTE, "no handler for path /twirp/livekit.RoomService/" + method);
    }
  }

  private static Message mute(
      LiveRooms live, LivekitRoom.MuteRoomTrackRequest request, ClaimGrants claims) {
    requireAdmin(claims, request.getRoom());
    if (!request.getMuted() && !remoteUnmuteEnabled()) {
      throw new TwirpException(TwirpCode.FAILED_PRECONDITION, "remote unmute not enabled");
    }
    return LivekitRoom.MuteRoomTrackResponse.newBuilder()
        .setTrack(
            live.mutePublishedTrack(
                request.getRoom(),
                request.getIdentity(),
                request.getTrackSid(),
                request.getMuted()))
        .build();
  }

  /**
   * The packet LiveKit's RoomManager.SendData makes of the request: a user packet without a sender
   * (LiveKit leaves the identity empty for what the server sends), the request's kind and
   * destinations on both the packet and the user packet. As LiveKit's RoomService checks, a nonce
   * is a 16-byte UUID or absent.
   */
  @SuppressWarnings("deprecation") // DataPacket.kind, UserPacket's destination fields
  static DataPacket dataPacket(LivekitRoom.SendDataRequest request) {
    int nonce = request.getNonce().size();
    if (nonce != 0 && nonce != 16) {
      throw new TwirpException(
          TwirpCode.INVALID_ARGUMENT,
          "nonce should be 16-bytes or not present, got: " + nonce + " bytes");
    }
    UserPacket.Builder user =
        UserPacket.newBuilder()
            .setPayload(request.getData())
            .addAllDestinationSids(request.getDestinationSidsList())
            .addAllDestinationIdentities(request.getDestinationIdentitiesList())
            .setNonce(request.getNonce());
    if (request.hasTopic()) {
      user.setTopic(request.getTopic());
    }
    return DataPacket.newBuilder()
        .setKind(request.getKind())
        .addAllDestinationIdentities(request.getDestinationIdentitiesList())
        .setUser(user)
        .build();
  }

  /** roomAdmin, and for this room: an admin token for one room is no key to the others. */
  static void requireAdmin(ClaimGrants claims, String room) {
    VideoGrant video = claims.video();
    if (video == null || !video.roomAdmin() || !video.room().equals(room)) {
      throw new TwirpException(
          TwirpCode.PERMISSION_DENIED,
          "permissions denied: the token lacks the roomAdmin grant for room " + room);
    }
  }

  private static boolean remoteUnmuteEnabled() {
    return ConfigProvider.getConfig().getOptionalValue(REMOTE_UNMUTE, Boolean.class).orElse(false);
  }
}
