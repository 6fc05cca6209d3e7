package dev.sfumato.whip;

import jakarta.ws.rs.Path;

/**
 * WHEP: {@code /live/whep/{room}} (everything published in the room) or {@code
 * /live/whep/{room}?participant=<identity>} (one publisher), and its sessions.
 */
@Path("/")
public class WhepResource extends SessionEndpoint {
  @Override
  protected SessionKind kind() {
    return SessionKind.WHEP;
  }
}
