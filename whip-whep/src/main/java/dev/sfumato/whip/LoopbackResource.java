package dev.sfumato.whip;

import dev.sfumato.rooms.config.ServerKeys;
import dev.sfumato.rooms.loopback.LoopbackSessions;
import dev.sfumato.rooms.webrtc.SessionException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /live/loopback}: an SDP offer with a data channel section gets an answer whose data
 * channels echo every message (see {@link LoopbackSessions}); {@code DELETE
 * /live/loopback/{session}} ends it. Any valid access token of this server may use it.
 */
@Path("/")
public class LoopbackResource {
  private static final Logger LOG = Logger.getLogger(LoopbackResource.class.getName());

  @EJB private LoopbackSessions loopbacks;
  @EJB private ServerKeys keys;
  @Context private UriInfo uri;

  @POST
  public Response create(
      @HeaderParam("Content-Type") String contentType,
      @HeaderParam("Authorization") String authorization,
      InputStream body) {
    return answer(
        () -> {
          SessionEndpoint.requireContentType(contentType, "application/sdp");
          SessionEndpoint.authenticate(keys, authorization, true);
          LoopbackSessions.Created created = loopbacks.create(SessionEndpoint.read(body));
          return Response.created(uri.getAbsolutePathBuilder().path(created.sessionId()).build())
              .type("application/sdp")
              .entity(created.answerSdp())
              .build();
        });
  }

  @DELETE
  @Path("{session}")
  public Response delete(
      @PathParam("session") String session, @HeaderParam("Authorization") String authorization) {
    return answer(
        () -> {
          SessionEndpoint.authenticate(keys, authorization, true);
          loopbacks.end(session);
          return Response.noContent().build();
        });
  }

  private static Response answer(Supplier<Response> action) {
    try {
      return action.get();
    } catch (SessionException e) {
      return SessionEndpoint.refusal(e);
    } catch (EJBException e) {
      if (e.getCause() instanceof SessionException se) {
        return SessionEndpoint.refusal(se);
      }
      LOG.log(Level.WARNING, "loopback request failed", e);
      return SessionEndpoint.text(500, "internal error");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "loopback request failed", e);
      return SessionEndpoint.text(500, "internal error");
    }
  }
}
