package dev.sfumato.rooms.sdp;

import java.util.List;

/**
 * The peer's side of the BUNDLE transport, taken from the m= section that carries it: what the
 * engine needs to check STUN (RFC 8445 §7.2.2), verify the DTLS certificate (RFC 8122 §5) and pick
 * its DTLS role (RFC 8842 §5). The peer is the offerer when we answer ({@link AnswerBuilder}) and
 * the answerer when we offer ({@link SdpOffer#accept}).
 *
 * @param candidates the peer's candidates for that section, possibly none (trickle, or OBS)
 * @param offeredSetup the peer's a=setup: its offer's (null when absent), or its answer's (active
 *     or passive)
 * @param localSetup our role: the one we answered, or the opposite of the answer's
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
