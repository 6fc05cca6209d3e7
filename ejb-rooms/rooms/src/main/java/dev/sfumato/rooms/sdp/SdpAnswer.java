package dev.sfumato.rooms.sdp;

import java.util.List;

/**
 * The result of answering an offer: the answer itself, what each m= section negotiated, and the
 * offerer's transport parameters.
 *
 * @param remote null when no section was accepted
 */
public record SdpAnswer(
    SessionDescription description, List<NegotiatedMedia> media, RemoteTransport remote) {
  public SdpAnswer {
    media = List.copyOf(media);
  }

  /** The answer text, CRLF line ends, ready for an application/sdp body. */
  public String sdp() {
    return description.write();
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
