package dev.sfumato.signal.meet;

import dev.sfumato.rooms.auth.AccessTokenMinter;
import dev.sfumato.rooms.auth.ApiKeys;
import dev.sfumato.rooms.auth.ClaimGrants;
import dev.sfumato.rooms.auth.VideoGrant;
import dev.sfumato.rooms.config.ServerKeys;
import dev.sfumato.rooms.domain.RoomException;
import dev.sfumato.rooms.domain.RoomNames;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;

/**
 * Join tokens for the meet page, minted by the server itself, but only while it runs with the
 * built-in development key: that secret is public anyway (it is in the source and the log), so this
 * endpoint gives away nothing that was not already given away. With configured keys both paths
 * answer 404 and tokens come from the operator's own backend, as with LiveKit.
 *
 * <ul>
 *   <li>{@code GET /meet/dev-token/enabled}: {@code {"enabled": true|false}}, so the page shows its
 *       room and identity fields only when they can work.
 *   <li>{@code POST /meet/dev-token?room=R&identity=I}: {@code {"token", "room", "identity"}}, a
 *       token to join R as I that may publish, subscribe and send data, valid {@link
 *       AccessTokenMinter#DEFAULT_TTL 6 hours}; 400 on a bad room or identity. POST, not GET: a
 *       credential should not sit in caches or browser history.
 * </ul>
 */
@Path("/")
public class DevTokenResource {

  /** Identities follow the room-name rule; LiveKit sets no limit, a URL-sized one is enough. */
  static final int MAX_IDENTITY_LENGTH = 256;

  private static final String OFF =
      "development tokens are off: this server runs with configured API keys;"
          + " mint tokens with your own backend (a LiveKit server SDK or `lk token create`)";

  @EJB private ServerKeys keys;

  @GET
  @Path("enabled")
  public Response enabled() {
    return json(200, Json.createObjectBuilder().add("enabled", isDevelopment()).build().toString());
  }

  @POST
  public Response mint(@QueryParam("room") String room, @QueryParam("identity") String identity) {
    if (!isDevelopment()) {
      return error(404, OFF);
    }
    try {
      RoomNames.requireValid(room);
    } catch (RoomException e) {
      return error(400, e.getMessage());
    }
    String refused = checkIdentity(identity);
    if (refused != null) {
      return error(400, refused);
    }
    VideoGrant video =
        VideoGrant.builder()
            .roomJoin(true)
            .room(room)
            .canPublish(true)
            .canSubscribe(true)
            .canPublishData(true)
            .build();
    ClaimGrants grants =
        ClaimGrants.builder().identity(identity).name(identity).video(video).build();
    String token =
        AccessTokenMinter.forKey(keys.keys(), ApiKeys.DEVELOPMENT_KEY, Clock.systemUTC())
            .mint(grants);
    String body =
        Json.createObjectBuilder()
            .add("token", token)
            .add("room", room)
            .add("identity", identity)
            .build()
            .toString();
    return json(200, body);
  }

  private boolean isDevelopment() {
    return keys.keys().isDevelopment();
  }

  /** The reason {@code identity} is refused, or null if it is fine. */
  static String checkIdentity(String identity) {
    if (identity == null || identity.isBlank()) {
      return "identity is required";
    }
    if (identity.length() > MAX_IDENTITY_LENGTH) {
      return "identity exceeds " + MAX_IDENTITY_LENGTH + " characters";
    }
    for (int i = 0; i < identity.length(); i++) {
      if (Character.isISOControl(identity.charAt(i))) {
        return "identity contains control characters";
      }
    }
    return null;
  }

  private static Response error(int status, String message) {
    return json(status, Json.createObjectBuilder().add("error", message).build().toString());
  }

  private static Response json(int status, String body) {
    // A token is a credential: no cache keeps it.
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .header("Cache-Control", "no-store")
        .entity(body)
        .build();
  }
}
