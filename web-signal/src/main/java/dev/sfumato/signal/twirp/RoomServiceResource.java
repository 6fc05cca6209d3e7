package dev.sfumato.signal.twirp;

import com.google.protobuf.Message;
import dev.sfumato.rooms.application.RoomManager;
import dev.sfumato.rooms.auth.ClaimGrants;
import dev.sfumato.rooms.config.ServerKeys;
import dev.sfumato.rooms.domain.RoomException;
import dev.sfumato.rooms.live.LiveRooms;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import livekit.LivekitRoom;

/**
 * LiveKit's RoomService over Twirp: {@code POST /twirp/livekit.RoomService/<Method>} with a Bearer
 * token, a protobuf or JSON body, and a body of the same encoding back. Decoding, authentication
 * and encoding happen here; the rooms themselves live in {@link RoomManager}, their participants in
 * {@link LiveRooms} (see {@link ParticipantMethods}).
 */
@Path("livekit.RoomService")
public class RoomServiceResource {
  private static final Logger LOG = Logger.getLogger(RoomServiceResource.class.getName());

  /**
   * Bytes. Twirp admin requests are small; the largest field is room metadata (64,000 characters,
   * up to 4 bytes each in UTF-8), so 1 MiB leaves room for every legitimate request.
   */
  static final int MAX_REQUEST_BYTES = 1 << 20;

  @EJB private RoomManager rooms;
  @EJB private ServerKeys keys;
  @EJB private LiveRooms live;

  @POST
  @Path("{method}")
  public Response call(
      @PathParam("method") String method,
      @HeaderParam("Content-Type") String contentType,
      @HeaderParam("Authorization") String authorization,
      InputStream body) {
    try {
      TwirpCodec codec = TwirpCodec.forContentType(contentType);
      ClaimGrants claims = TwirpAuth.authenticate(authorization, keys.verifier());
      byte[] request = BoundedBody.read(body, MAX_REQUEST_BYTES);
      Message answer = dispatch(method, codec, request, claims);
      return Response.ok(codec.encode(answer), codec.mediaType()).build();
    } catch (TwirpException e) {
      return TwirpErrors.response(e);
    } catch (RoomException e) {
      return TwirpErrors.response(translate(e));
    } catch (EJBException e) {
      if (e.getCause() instanceof RoomException re) {
        return TwirpErrors.response(translate(re));
      }
      LOG.log(Level.WARNING, "RoomService." + method + " failed", e);
      return TwirpErrors.response(new TwirpException(TwirpCode.INTERNAL, "internal error"));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "RoomService." + method + " failed", e);
      return TwirpErrors.response(new TwirpException(TwirpCode.INTERNAL, "internal error"));
    }
  }

  private Message dispatch(String method, TwirpCodec codec, byte[] body, ClaimGrants claims) {
    switch (method) {
      case "CreateRoom" -> {
        TwirpAuth.require(claims, g -> g.roomCreate(), "roomCreate");
        var request = codec.decode(body, LivekitRoom.CreateRoomRequest.newBuilder()).build();
        return RoomMessages.room(rooms.createRoom(RoomMessages.spec(request)));
      }
      case "ListRooms" -> {
        TwirpAuth.require(claims, g -> g.roomList(), "roomList");
        var request = codec.decode(body, LivekitRoom.ListRoomsRequest.newBuilder()).build();
        var response = LivekitRoom.ListRoomsResponse.newBuilder();
        rooms
            .listRooms(request.getNamesList())
            .forEach(r -> response.addRooms(RoomMessages.room(r)));
        return response.build();
      }
      case "DeleteRoom" -> {
        TwirpAuth.require(claims, g -> g.roomCreate(), "roomCreate");
        var request = codec.decode(body, LivekitRoom.DeleteRoomRequest.newBuilder()).build();
        rooms.deleteRoom(request.getRoom());
        live.roomDeleted(request.getRoom());
        return LivekitRoom.DeleteRoomResponse.getDefaultInstance();
      }
      default -> {
        return ParticipantMethods.dispatch(live, method, codec, body, claims);
      }
    }
  }

  private static TwirpException translate(RoomException e) {
    TwirpCode code =
        switch (e.code()) {
          case NOT_FOUND -> TwirpCode.NOT_FOUND;
          case INVALID_ARGUMENT -> TwirpCode.INVALID_ARGUMENT;
          case ALREADY_EXISTS -> TwirpCode.ALREADY_EXISTS;
          case UNAVAILABLE -> TwirpCode.UNAVAILABLE;
          case INTERNAL -> TwirpCode.INTERNAL;
          case RESOURCE_EXHAUSTED -> TwirpCode.RESOURCE_EXHAUSTED;
          case PERMISSION_DENIED -> TwirpCode.PERMISSION_DENIED;
        };
    return new TwirpException(code, e.getMessage());
  }
}
