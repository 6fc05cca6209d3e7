package dev.sfumato.signal.rtc;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.sfumato.rooms.auth.ClaimGrants;
import dev.sfumato.rooms.config.ServerKeys;
import dev.sfumato.rooms.domain.RoomException;
import dev.sfumato.rooms.live.JoinParams;
import dev.sfumato.rooms.live.LiveRooms;
import dev.sfumato.rooms.live.LiveSession;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import livekit.LivekitRtc.JoinRequest;
import livekit.LivekitRtc.SignalRequest;

/**
 * One LiveKit signal WebSocket (shared by the v0 and v1 endpoints): checks the token, starts or
 * resumes the participant's session, then turns each binary frame into a {@code SignalRequest} for
 * the room. Frames are limited to {@value #MAX_FRAME_BYTES} bytes (larger ones close the connection
 * with 1009, by the container), garbage closes it with 1007, text frames with 1003, and more than
 * {@value RequestBudget#BURST} requests at once or {@value RequestBudget#PER_SECOND} a second
 * sustained with 1008. The room and its other participants carry on in every case.
 */
final class SignalConnection {
  private static final Logger LOG = Logger.getLogger(SignalConnection.class.getName());
  static final int MAX_FRAME_BYTES = 256 * 1024;
  static final String AUTHORIZATION = "sfumato.authorization";

  private final LiveRooms rooms;
  private final ServerKeys keys;
  private final boolean v1;
  private final RequestBudget budget = new RequestBudget();
  private WebSocketSink sink;
  private LiveSession session;

  SignalConnection(LiveRooms rooms, ServerKeys keys, boolean v1) {
    this.rooms = rooms;
    this.keys = keys;
    this.v1 = v1;
  }

  void open(Session ws) {
    ws.setMaxBinaryMessageBufferSize(MAX_FRAME_BYTES);
    ws.setMaxTextMessageBufferSize(4096);
    sink = new WebSocketSink(ws);
    Map<String, String> query = query(ws);
    try {
      ClaimGrants claims =
          SignalTokens.verify(
              keys.verifier(),
              SignalTokens.pick(
                  query.get("access_token"), (String) ws.getUserProperties().get(AUTHORIZATION)));
      JoinParams params =
          v1
              ? JoinParams.v1(claims, joinRequest(query), clientProtocol(query))
              : JoinParams.v0(claims, query);
      session = rooms.join(params, sink);
    } catch (SignalTokens.Refused e) {
      sink.closeNow(CloseReason.CloseCodes.VIOLATED_POLICY, e.getMessage());
    } catch (IOException e) {
      sink.closeNow(CloseReason.CloseCodes.CANNOT_ACCEPT, e.getMessage());
    } catch (RoomException e) {
      sink.closeNow(CloseReason.CloseCodes.TRY_AGAIN_LATER, e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "join failed", e);
      sink.closeNow(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "join failed");
    }
  }

  void message(ByteBuffer frame) {
    if (session == null) {
      return;
    }
    if (!budget.take(System.nanoTime())) {
      violation(CloseReason.CloseCodes.VIOLATED_POLICY, "too many signal requests");
      return;
    }
    SignalRequest request;
    try {
      request = SignalRequest.parseFrom(frame);
    } catch (InvalidProtocolBufferException e) {
      violation(CloseReason.CloseCodes.NOT_CONSISTENT, "malformed signal request");
      return;
    }
    try {
      rooms.handle(session, request);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "signal request " + request.getMessageCase() + " failed", e);
    }
  }

  void text() {
    violation(CloseReason.CloseCodes.CANNOT_ACCEPT, "signal messages are binary protobuf");
  }

  /**
   * The WebSocket closed. A close the container made because a frame was too big (1009) is the
   * client's fault like any other violation; otherwise the participant may resume.
   */
  void closed(CloseReason.CloseCode code) {
    if (session == null) {
      return;
    }
    if (code != null && code.getCode() == CloseReason.CloseCodes.TOO_BIG.getCode()) {
      rooms.expel(session);
    } else {
      rooms.signalClosed(session, sink);
    }
  }

  /** A client that breaks the protocol is disconnected and leaves the room at once. */
  private void violation(CloseReason.CloseCode code, String reason) {
    sink.closeNow(code, reason);
    if (session != null) {
      rooms.expel(session);
    }
  }

  private static JoinRequest joinRequest(Map<String, String> query) throws IOException {
    return JoinRequests.decode(query.get("join_request"));
  }

  private static int clientProtocol(Map<String, String> query) {
    try {
      return Integer.parseInt(query.getOrDefault("client_protocol", "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Map<String, String> query(Session ws) {
    Map<String, String> out = new HashMap<>();
    for (Map.Entry<String, List<String>> e : ws.getRequestParameterMap().entrySet()) {
      if (!e.getValue().isEmpty()) {
        out.put(e.getKey(), e.getValue().get(0));
      }
    }
    return out;
  }
}
