package dev.sfumato.engine.api;

import java.util.List;
import java.util.Objects;

/**
 * A new WebRTC transport as the session layer needs it for its SDP answer.
 *
 * @param id the transport
 * @param routerId the router it belongs to
 * @param iceParameters local ICE-lite credentials
 * @param iceCandidates local host candidates (the owning worker's socket, announced address)
 * @param localFingerprints the engine's DTLS certificate fingerprints
 */
public record WebRtcTransportInfo(
    TransportId id,
    RouterId routerId,
    IceParameters iceParameters,
    List<IceCandidate> iceCandidates,
    List<DtlsFingerprint> localFingerprints) {

  public WebRtcTransportInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(routerId, "routerId");
    Objects.requireNonNull(iceParameters, "iceParameters");
    iceCandidates = List.copyOf(iceCandidates);
    localFingerprints = List.copyOf(localFingerprints);
  }
}
