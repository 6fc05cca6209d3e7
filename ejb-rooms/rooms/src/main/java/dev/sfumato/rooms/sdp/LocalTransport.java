package dev.sfumato.rooms.sdp;

import java.util.List;

/**
 * The server's side of the one BUNDLE transport: ICE credentials (RFC 8839 §5.4), the DTLS
 * certificate fingerprint (RFC 8122) and the host candidates, in preference order.
 */
public record LocalTransport(
    String iceUfrag, String icePwd, Fingerprint fingerprint, List<HostCandidate> candidates) {
  public LocalTransport {
    new Attribute.IceUfrag(iceUfrag);
    new Attribute.IcePwd(icePwd);
    if (iceUfrag.length() < 4 || icePwd.length() < 22) {
      // RFC 8839 §5.4: at least 24 bits of ufrag and 128 bits of pwd randomness.
      throw new IllegalArgumentException("ICE ufrag needs >= 4 and pwd >= 22 characters");
    }
    if (fingerprint == null) {
      throw new IllegalArgumentException("DTLS fingerprint is required");
    }
    candidates = List.copyOf(candidates);
  }
}
