package dev.sfumato.whip;

import jakarta.ws.rs.Path;

/** WHIP (RFC 9725): {@code /live/whip/{room}} and its sessions. */
@Path("/")
public class WhipResource extends SessionEndpoint {
  @Override
  protected SessionKind kind() {
    return SessionKind.WHIP;
  }
}
