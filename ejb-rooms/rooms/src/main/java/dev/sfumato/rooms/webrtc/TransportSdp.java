package dev.sfumato.rooms.webrtc;

import dev.sfumato.engine.api.DtlsFingerprint;
import dev.sfumato.engine.api.DtlsParameters;
import dev.sfumato.engine.api.DtlsRole;
import dev.sfumato.engine.api.IceCandidate;
import dev.sfumato.engine.api.IceParameters;
import dev.sfumato.engine.api.WebRtcTransportInfo;
import dev.sfumato.rooms.sdp.Fingerprint;
import dev.sfumato.rooms.sdp.HostCandidate;
import dev.sfumato.rooms.sdp.LocalTransport;
import dev.sfumato.rooms.sdp.RemoteTransport;
import java.util.ArrayList;
import java.util.List;

/** Translation between the engine's transport parameters and the SDP model's. */
public final class TransportSdp {
  private TransportSdp() {}

  /**
   * Our side for an SDP: {@code ice} are the current local credentials (they change on restart).
   */
  public static LocalTransport local(WebRtcTransportInfo transport, IceParameters ice) {
    DtlsFingerprint fp = transport.localFingerprints().get(0);
    List<HostCandidate> candidates = new ArrayList<>();
    for (IceCandidate c : transport.iceCandidates()) {
      candidates.add(new HostCandidate(c.ip(), c.port()));
    }
    return new LocalTransport(
        ice.usernameFragment(),
        ice.password(),
        new Fingerprint(fp.algorithm(), fp.value()),
        candidates);
  }

  /**
   * The peer's DTLS side (RFC 8842 §5): active → it is the client, passive → the server, actpass
   * (or nothing) → we choose.
   */
  public static DtlsParameters dtls(RemoteTransport remote) {
    DtlsRole role =
        switch (remote.offeredSetup() == null ? "ACTPASS" : remote.offeredSetup().name()) {
          case "ACTIVE" -> DtlsRole.CLIENT;
          case "PASSIVE" -> DtlsRole.SERVER;
          default -> DtlsRole.AUTO;
        };
    List<DtlsFingerprint> fingerprints =
        remote.fingerprints().stream()
            .map(f -> new DtlsFingerprint(f.hashFunction(), f.value()))
            .toList();
    return new DtlsParameters(role, fingerprints);
  }

  /** The peer's ICE credentials, or null when its SDP has none. */
  public static IceParameters ice(RemoteTransport remote) {
    return remote.iceUfrag() == null ? null : new IceParameters(remote.iceUfrag(), remote.icePwd());
  }
}
