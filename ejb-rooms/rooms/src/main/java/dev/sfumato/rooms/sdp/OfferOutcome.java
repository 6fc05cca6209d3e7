package dev.sfumato.rooms.sdp;

import java.util.List;

/**
 * What an answer to a server-made offer settled on: one {@link NegotiatedMedia} per m= section, in
 * offer order (the data channel first when there is one), and the answerer's transport.
 *
 * <p>An accepted RTP section has direction {@link Direction#SENDONLY} (or {@link
 * Direction#INACTIVE} when the answer said inactive), the offered codecs the answer kept (our
 * payload types and fmtp: what the consumer sends), the feedback both sides listed and the
 * extensions the answer kept with our ids; it goes to the engine as a consumer's RtpParameters just
 * like a WHEP answer's media.
 *
 * @param remote the answerer's ICE credentials, fingerprints and DTLS role, taken from its BUNDLE
 *     tag; {@link RemoteTransport#offeredSetup()} is the answer's a=setup (active or passive) and
 *     {@link RemoteTransport#localSetup()} ours. Null when no section was accepted.
 */
public record OfferOutcome(RemoteTransport remote, List<NegotiatedMedia> media) {
  public OfferOutcome {
    media = List.copyOf(media);
  }

  /** The accepted sections, in order. */
  public List<NegotiatedMedia> accepted() {
    return media.stream().filter(NegotiatedMedia::accepted).toList();
  }

  /** The section with {@code mid}, or null. */
  public NegotiatedMedia media(String mid) {
    for (NegotiatedMedia m : media) {
      if (mid.equals(m.mid())) {
        return m;
      }
    }
    return null;
  }
}
