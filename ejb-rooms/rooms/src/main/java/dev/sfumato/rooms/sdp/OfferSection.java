package dev.sfumato.rooms.sdp;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One RTP m= section of a server-made offer (LiveKit v0 subscriber connection): a track the server
 * sends, or the place of one that went away.
 *
 * <p>The data channel is not an {@code OfferSection}: it carries no track and its place is fixed
 * (first, see {@link OfferBuilder}), so it is a flag of the offer.
 *
 * @param mid the section's a=mid; never reused for another track (RFC 8829 §5.2.2)
 * @param kind "audio" or "video"
 * @param sender the track sent here; null when the section is stopped (port 0, a=inactive)
 * @param codecs the producer's negotiated codecs, preferred first, with their payload types, fmtp
 *     and RTX payload type: the consumer forwards the producer's packets unchanged, so the offer
 *     must name exactly those formats. A stopped section may keep them (they are written on its m=
 *     line) or pass none.
 */
public record OfferSection(
    String mid, String kind, LocalSender sender, List<NegotiatedMedia.Codec> codecs) {

  public OfferSection {
    new Attribute.Mid(mid);
    if (!"audio".equals(kind) && !"video".equals(kind)) {
      throw new IllegalArgumentException(
          "offer section kind must be audio or video (data channels are a flag of the offer)");
    }
    codecs = List.copyOf(codecs);
    if (sender != null && codecs.isEmpty()) {
      throw new IllegalArgumentException("a live offer section needs at least one codec");
    }
    Set<Integer> pts = new HashSet<>();
    for (NegotiatedMedia.Codec c : codecs) {
      addPayloadType(pts, c.payloadType());
      if (c.rtxPayloadType() >= 0) {
        addPayloadType(pts, c.rtxPayloadType());
      }
    }
  }

  // RFC 3551 §3 / RFC 8866: dynamic and static RTP payload types are 0..127.
  private static void addPayloadType(Set<Integer> seen, int pt) {
    if (pt < 0 || pt > 127) {
      throw new IllegalArgumentException("payload type " + pt + " is out of range 0..127");
    }
    if (!seen.add(pt)) {
      throw new IllegalArgumentException("payload type " + pt + " is used twice");
    }
  }

  /** A section that sends {@code sender}'s track with the producer's {@code codecs}. */
  public static OfferSection live(
      String mid, String kind, LocalSender sender, List<NegotiatedMedia.Codec> codecs) {
    if (sender == null) {
      throw new IllegalArgumentException("a live offer section needs a sender");
    }
    return new OfferSection(mid, kind, sender, codecs);
  }

  /** The place of a track that went away: port 0, a=inactive, its mid kept (RFC 8829 §5.2.2). */
  public static OfferSection stopped(String mid, String kind) {
    return new OfferSection(mid, kind, null, List.of());
  }

  /** This section, stopped: same mid, kind and codecs, no sender. */
  public OfferSection stop() {
    return new OfferSection(mid, kind, null, codecs);
  }

  /** Whether a track is sent here (false: port 0, a=inactive). */
  public boolean isLive() {
    return sender != null;
  }
}
