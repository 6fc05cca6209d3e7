package dev.sfumato.rooms.live;

import dev.sfumato.engine.api.TransportId;
import dev.sfumato.engine.api.WebRtcTransportInfo;

/**
 * Protocol v0's subscriber connection: the server offers, the client answers. (The offer side is
 * filled in with the SDP offer builder.)
 */
final class ServerPeer {
  final WebRtcTransportInfo transport;

  ServerPeer(WebRtcTransportInfo transport) {
    this.transport = transport;
  }

  TransportId id() {
    return transport.id();
  }
}
