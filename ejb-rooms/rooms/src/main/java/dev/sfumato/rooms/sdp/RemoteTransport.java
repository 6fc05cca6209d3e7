package dev.sfumato.rooms.sdp;

import java.util.List;

/**
 * The offerer's side of the BUNDLE transport, taken from the m= section that carries it: what the
 * engine needs to check STUN (RFC 8445 §7.2.2), verify the DTLS certificate (RFC 8122 §5) and pick
 * its DTLS role (RFC 8842 §5).
 *
 * @param candidates the offer's candidates for that section, possibly none (trickle, or OBS)
 * @param offeredSetup the offer's a=setup, null when absent
 * @param localSetup the role we answered
 */
public record RemoteTransport(
    String iceUfrag,
    String icePwd,
    List<String> iceOptions,
    List<Fingerprint> fingerprints,
    Setup offeredSetup,
    Setup localSetup,
    List<Candidate> candidates) {
  public RemoteTransport {
    iceOptions = List.copyOf(iceOptions);
    fingerprints = List.copyOf(fingerprints);
    candidates = List.copyOf(candidates);
  }
}
