package dev.sfumato.signal.rtc;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * LiveKit signaling at {@code /rtc}. Protocol v0: two peer connections (publisher and subscriber).
 */
@ServerEndpoint(value = "/rtc", configurator = HandshakeHeaders.class)
public class RtcV0Endpoint {
  private static final Logger LOG = Logger.getLogger(RtcV0Endpoint.class.getName());

  private SignalConnection connection;

  @OnOpen
  public void open(Session session) {
    connection = new SignalConnection(Beans.rooms(), Beans.keys(), false);
    connection.open(session);
  }

  @OnMessage
  public void binary(ByteBuffer frame) {
    connection.message(frame);
  }

  @OnMessage
  public void text(String frame) {
    connection.text();
  }

  @OnClose
  public void close(CloseReason reason) {
    connection.closed(reason == null ? null : reason.getCloseCode());
  }

  @OnError
  public void error(Throwable t) {
    LOG.log(Level.FINE, "signal connection error", t);
  }
}
