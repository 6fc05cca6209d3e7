package dev.sfumato.signal.admin;

import dev.sfumato.engine.api.EngineDump;
import dev.sfumato.engine.api.WorkerDump;
import dev.sfumato.rooms.application.SystemStatus;
import dev.sfumato.rooms.auth.ClaimGrants;
import dev.sfumato.rooms.auth.TokenException;
import dev.sfumato.rooms.config.ServerKeys;
import dev.sfumato.rooms.domain.RoomException;
import dev.sfumato.rooms.engine.EngineEventLog;
import dev.sfumato.rooms.engine.EngineGateway;
import dev.sfumato.rooms.webrtc.WebRtcSessions;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;

/**
 * {@code GET /admin/engine}: the media engine's workers as the engine reports them (dump) and as
 * its events told the session layer, for operators; {@code PUT /admin/engine/loss} for tests. Needs
 * a token with the roomAdmin grant.
 */
@Path("engine")
public class EngineResource {
  @EJB private SystemStatus status;
  @EJB private EngineEventLog events;
  @EJB private ServerKeys keys;
  @EJB private WebRtcSessions sessions;
  @EJB private EngineGateway engine;

  @GET
  public Response engine(@HeaderParam("Authorization") String authorization) {
    Response refused = authorize(authorization);
    if (refused != null) {
      return refused;
    }
    EngineDump dump = status.engineDump();
    JsonArrayBuilder workers = Json.createArrayBuilder();
    for (WorkerDump w : dump.workers()) {
      JsonObjectBuilder drops = Json.createObjectBuilder();
      w.drops().forEach(drops::add);
      workers.add(
          Json.createObjectBuilder()
              .add("id", w.workerId())
              .add("localAddress", w.localAddress())
              .add("running", w.running())
              .add("routers", w.routers())
              .add("transports", w.transports())
              .add("datagramsIn", w.datagramsIn())
              .add("drops", drops));
    }
    JsonObjectBuilder states = Json.createObjectBuilder();
    events.workerStates().forEach((id, state) -> states.add(String.valueOf(id), state));
    JsonArrayBuilder recent = Json.createArrayBuilder();
    events.recent().forEach(e -> recent.add(e.at() + " " + e.event()));
    String body =
        Json.createObjectBuilder()
            .add("workers", workers)
            .add("sessions", sessions.sessionCount())
            .add("workerStatesFromEvents", states)
            .add("recentEvents", recent)
            .build()
            .toString();
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
  }

  /**
   * {@code PUT /admin/engine/loss} with {@code {"percent": 5}}: test-only fault injection, the
   * share of DTLS records (after the handshake) and SRTP datagrams every worker drops, both ways.
   * 409 unless the server runs with {@code sfumato.media.fault-injection=true}.
   */
  @PUT
  @Path("loss")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response injectLoss(@HeaderParam("Authorization") String authorization, String body) {
    Response refused = authorize(authorization);
    if (refused != null) {
      return refused;
    }
    double percent;
    try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
      JsonObject json = reader.readObject();
      percent = json.getJsonNumber("percent").doubleValue();
    } catch (JsonException | ClassCastException | NullPointerException e) {
      return error(400, "the body must be a JSON object with a number \"percent\"");
    }
    if (!(percent >= 0 && percent <= 50)) {
      return error(400, "percent must be within 0..50");
    }
    try {
      engine.injectLoss(percent);
    } catch (RoomException e) {
      return error(409, e.getMessage());
    }
    return Response.noContent().build();
  }

  private Response authorize(String authorization) {
    String bearer = "Bearer ";
    if (authorization == null
        || !authorization.regionMatches(true, 0, bearer, 0, bearer.length())) {
      return error(401, "a Bearer token is required");
    }
    try {
      ClaimGrants claims = keys.verifier().verify(authorization.substring(bearer.length()).trim());
      if (claims.video() == null || !claims.video().roomAdmin()) {
        return error(403, "the token lacks the roomAdmin grant");
      }
      return null;
    } catch (TokenException e) {
      return error(401, "invalid token: " + e.getMessage());
    }
  }

  private static Response error(int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Json.createObjectBuilder().add("error", message).build().toString())
        .build();
  }
}
