package dev.sfumato.whip;

import dev.sfumato.rooms.auth.AccessTokenVerifier;
import dev.sfumato.rooms.auth.BearerTokens;
import dev.sfumato.rooms.auth.ClaimGrants;
import dev.sfumato.rooms.auth.TokenException;
import dev.sfumato.rooms.config.ServerKeys;
import dev.sfumato.rooms.domain.RoomException;
import dev.sfumato.rooms.webrtc.IceRestartAnswer;
import dev.sfumato.rooms.webrtc.SessionAnswer;
import dev.sfumato.rooms.webrtc.SessionException;
import dev.sfumato.rooms.webrtc.WebRtcSessions;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP side of WHIP (RFC 9725) and WHEP, one resource per kind: POST an SDP offer to the
 * endpoint, get 201 with the answer and the session URL; PATCH the session URL to trickle or to
 * restart ICE; DELETE it to end the session. Rooms, grants and media are the session layer's
 * business ({@link WebRtcSessions}); this class speaks HTTP.
 *
 * <p>The session URL is a capability (a random 128-bit id). A request to it may carry the bearer
 * token too; if it does, the token must be valid.
 */
public abstract class SessionEndpoint {
  private static final Logger LOG = Logger.getLogger(SessionEndpoint.class.getName());
  private static final String SDP = "application/sdp";
  private static final String SDP_FRAGMENT = "application/trickle-ice-sdpfrag";

  @EJB private WebRtcSessions sessions;
  @EJB private ServerKeys keys;
  @Context private UriInfo uri;

  protected abstract SessionKind kind();

  @OPTIONS
  @Path("{room}")
  public Response endpointOptions() {
    return Response.noContent().header("Accept-Post", SDP).header("Allow", "POST, OPTIONS").build();
  }

  @OPTIONS
  @Path("{room}/{session}")
  public Response sessionOptions() {
    return Response.noContent()
        .header("Accept-Patch", SDP_FRAGMENT)
        .header("Allow", "PATCH, DELETE, OPTIONS")
        .build();
  }

  @POST
  @Path("{room}")
  public Response create(
      @PathParam("room") String room,
      @QueryParam("participant") String participant,
      @HeaderParam("Content-Type") String contentType,
      @HeaderParam("Authorization") String authorization,
      InputStream body) {
    return answer(
        () -> {
          requireContentType(contentType, SDP);
          ClaimGrants claims = authenticate(authorization, true);
          String offer = read(body);
          SessionAnswer created =
              kind() == SessionKind.WHIP
                  ? sessions.publish(room, claims, offer)
                  : sessions.watch(room, participant, claims, offer);
          URI location = uri.getAbsolutePathBuilder().path(created.sessionId()).build();
          Response.ResponseBuilder b =
              Response.created(location).type(SDP).tag(created.etag()).entity(created.answerSdp());
          IceServerLinks.configured().forEach(link -> b.header("Link", link));
          return b.build();
        });
  }

  @PATCH
  @Path("{room}/{session}")
  public Response patch(
      @PathParam("room") String room,
      @PathParam("session") String session,
      @HeaderParam("Content-Type") String contentType,
      @HeaderParam("If-Match") String ifMatch,
      @HeaderParam("Authorization") String authorization,
      InputStream body) {
    return answer(
        () -> {
          requireContentType(contentType, SDP_FRAGMENT);
          authenticate(authorization, false);
          if (ifMatch == null || ifMatch.isBlank()) {
            throw new SessionException(
                SessionException.Code.PRECONDITION_REQUIRED, "If-Match is required");
          }
          String fragment = read(body);
          String tag = entityTag(ifMatch);
          if (tag.equals("*")) {
            IceRestartAnswer restart = sessions.restartIce(room, session, fragment);
            return Response.ok(restart.sdpFragment(), SDP_FRAGMENT).tag(restart.etag()).build();
          }
          sessions.trickle(room, session, tag, fragment);
          return Response.noContent().build();
        });
  }

  @DELETE
  @Path("{room}/{session}")
  public Response delete(
      @PathParam("room") String room,
      @PathParam("session") String session,
      @HeaderParam("Authorization") String authorization) {
    return answer(
        () -> {
          authenticate(authorization, false);
          sessions.end(room, session);
          return Response.ok().build();
        });
  }

  private interface Action {
    Response run();
  }

  private Response answer(Action action) {
    try {
      return action.run();
    } catch (SessionException e) {
      return refusal(e);
    } catch (RoomException e) {
      return text(e.code() == RoomException.Code.NOT_FOUND ? 404 : 400, e.getMessage());
    } catch (EJBException e) {
      if (e.getCause() instanceof SessionException se) {
        return refusal(se);
      }
      LOG.log(Level.WARNING, kind() + " request failed", e);
      return text(500, "internal error");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, kind() + " request failed", e);
      return text(500, "internal error");
    }
  }

  /** The value of an If-Match header: the tag without quotes or weak prefix, or "*". */
  private static String entityTag(String ifMatch) {
    String tag = ifMatch.trim();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      tag = tag.substring(1, tag.length() - 1);
    }
    return tag;
  }

  static Response refusal(SessionException e) {
    Response.ResponseBuilder b =
        Response.status(e.code().httpStatus()).type("text/plain").entity(e.getMessage());
    if (e.retryAfterSeconds() > 0) {
      b.header("Retry-After", e.retryAfterSeconds());
    }
    return b.build();
  }

  static Response text(int status, String message) {
    return Response.status(status).type("text/plain").entity(message).build();
  }

  static void requireContentType(String contentType, String expected) {
    String base =
        contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!base.equals(expected)) {
      throw new SessionException(
          SessionException.Code.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be " + expected);
    }
  }

  private ClaimGrants authenticate(String authorization, boolean required) {
    return authenticate(keys, authorization, required);
  }

  /** The token's claims; null when none was sent and none is required. */
  static ClaimGrants authenticate(ServerKeys keys, String authorization, boolean required) {
    var token = BearerTokens.fromHeader(authorization);
    if (token.isEmpty()) {
      if (required || authorization != null) {
        throw unauthorized("a Bearer access token is required");
      }
      return null;
    }
    AccessTokenVerifier verifier = keys.verifier();
    try {
      return verifier.verify(token.get());
    } catch (TokenException e) {
      throw unauthorized("invalid token: " + e.getMessage());
    }
  }

  private static SessionException unauthorized(String message) {
    return new SessionException(SessionException.Code.UNAUTHORIZED, message);
  }

  static String read(InputStream in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    try {
      int n;
      while ((n = in.read(chunk)) != -1) {
        if (out.size() + n > HttpLimits.MAX_SDP_BYTES) {
          throw new SessionException(
              SessionException.Code.BAD_REQUEST,
              "body exceeds " + HttpLimits.MAX_SDP_BYTES + " bytes");
        }
        out.write(chunk, 0, n);
      }
    } catch (IOException e) {
      throw new SessionException(SessionException.Code.BAD_REQUEST, "could not read the body");
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
