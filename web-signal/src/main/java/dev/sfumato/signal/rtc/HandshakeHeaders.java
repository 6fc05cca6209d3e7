package dev.sfumato.signal.rtc;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;

/**
 * Keeps the upgrade request's {@code Authorization} header for the endpoint (server SDKs may send
 * the token there instead of in the query). Every connection gets a fresh endpoint instance.
 */
public class HandshakeHeaders extends ServerEndpointConfig.Configurator {
  @Override
  public void modifyHandshake(
      ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
    List<String> auth = request.getHeaders().get("Authorization");
    if (auth != null && !auth.isEmpty()) {
      config.getUserProperties().put(SignalConnection.AUTHORIZATION, auth.get(0));
    }
  }
}
