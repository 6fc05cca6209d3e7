package dev.sfumato.rooms.sdp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes the server's offers for a connection on which the server is the offerer: the subscriber
 * peer connection of LiveKit protocol v0, where the server sends one sendonly m= section per
 * subscribed track and offers again whenever subscriptions change (RFC 8829 §5.2.1 and §5.2.2).
 *
 * <h2>Shape</h2>
 *
 * <ul>
 *   <li>Session level: {@code a=ice-lite} and one BUNDLE group of every live section, data channel
 *       first. We are ICE-lite, so the browser is the controlling agent and nominates.
 *   <li>Every live section carries the same port, c= line, ICE credentials, fingerprint, {@code
 *       a=setup:actpass} (in re-offers too, as Chromium and RFC 8842 §5.5 do; the answerer keeps
 *       its role for an existing association) and candidates with end-of-candidates: no
 *       bundle-only, like our answers.
 *   <li>The data channel, when there is one, is the first m= section with mid {@link
 *       #DATA_CHANNEL_MID}, and stays there for the whole session: it is decided once (LiveKit
 *       decides at join whether the subscriber connection carries data), so putting it first keeps
 *       every mid at its index whatever tracks come and go.
 *   <li>Live sections: sendonly, msid and a=ssrc lines (with an FID group when RTX is sent), the
 *       producer's payload types and fmtp. Stopped sections: port 0, a=inactive, out of BUNDLE.
 * </ul>
 *
 * <h2>Re-offers ({@link #reoffer})</h2>
 *
 * Sections never move (RFC 8829 §5.2.2): the previous offer's sections come first, in order, new
 * ones are appended. A live section keeps its mid and its sender until it is stopped: a different
 * track needs a new section, because Chromium signals a new remote track ({@code ontrack}) only for
 * a new receiver, and livekit-client learns tracks from {@code ontrack}. A stopped section keeps
 * its place and may later be recycled for a new track of the same kind under a new mid (RFC 8829
 * §5.2.2: "including a new MID value"); a mid is never used twice in a session. Recycling keeps the
 * kind: JSEP allows a change, but an SFU needs none (an audio place is refilled with audio), and
 * fewer moving parts are fewer browser differences to meet. Offer again only after the previous
 * answer was accepted: JSEP recycles only sections that are port 0 in the current descriptions.
 */
public final class OfferBuilder {
  /** The mid of the data channel section, first in every offer that has one. */
  public static final String DATA_CHANNEL_MID = "dc";

  private final ServerCapabilities caps;
  private final LocalTransport local;

  public OfferBuilder(ServerCapabilities caps, LocalTransport local) {
    if (caps == null || local == null) {
      throw new IllegalArgumentException("capabilities and local transport are required");
    }
    this.caps = caps;
    this.local = local;
  }

  /**
   * A full offer. {@code sessionVersion} is the caller's to increment (RFC 8866 §5.2); {@link
   * #reoffer} does it safely.
   *
   * @throws IllegalArgumentException for an offer that cannot be written: no m= section at all, a
   *     mid used twice or equal to {@link #DATA_CHANNEL_MID}, an SSRC sent by two sections, a
   *     negative session id or version
   */
  public SdpOffer offer(
      List<OfferSection> sections, boolean dataChannel, long sessionId, long sessionVersion) {
    return offer(sections, dataChannel, sessionId, sessionVersion, Set.of());
  }

  /**
   * The next offer of the session that made {@code previous}: same session id, data channel as
   * before, version one higher.
   *
   * @throws IllegalArgumentException when {@code sections} break the rules in the class comment
   */
  public SdpOffer reoffer(SdpOffer previous, List<OfferSection> sections) {
    List<OfferSection> before = previous.sections();
    if (sections.size() < before.size()) {
      throw new IllegalArgumentException(
          "a re-offer keeps every section: " + before.size() + " before, " + sections.size());
    }
    Set<String> used = previous.usedMids();
    for (int i = 0; i < sections.size(); i++) {
      OfferSection now = sections.get(i);
      OfferSection was = i < before.size() ? before.get(i) : null;
      boolean keeps = was != null && was.mid().equals(now.mid());
      if (was != null && was.isLive() && !keeps) {
        throw new IllegalArgumentException(
            "section " + i + " (mid " + was.mid() + ") is live: it keeps its mid until stopped");
      }
      if (keeps && !was.kind().equals(now.kind())) {
        throw new IllegalArgumentException("mid " + now.mid() + " cannot change kind");
      }
      if (keeps && was.isLive() && now.isLive() && !was.sender().equals(now.sender())) {
        throw new IllegalArgumentException(
            "mid " + now.mid() + " keeps its sender; stop it and add a section for a new track");
      }
      if (keeps && !was.isLive() && now.isLive()) {
        throw new IllegalArgumentException(
            "stopped mid " + now.mid() + " cannot come back; recycle it under a new mid");
      }
      if (!keeps && used.contains(now.mid())) {
        throw new IllegalArgumentException("mid " + now.mid() + " was used before in this session");
      }
      if (was != null && !keeps && !was.kind().equals(now.kind())) {
        throw new IllegalArgumentException(
            "section " + i + " is recycled for a " + now.kind() + " track: it was " + was.kind());
      }
    }
    return offer(
        sections,
        previous.dataChannel(),
        previous.sessionId(),
        previous.sessionVersion() + 1,
        used);
  }

  private SdpOffer offer(
      List<OfferSection> sections,
      boolean dataChannel,
      long sessionId,
      long sessionVersion,
      Set<String> usedBefore) {
    check(sections, dataChannel, sessionId, sessionVersion);
    OfferMediaWriter writer = new OfferMediaWriter(caps, local);
    List<MediaDescription> media = new ArrayList<>();
    List<String> bundle = new ArrayList<>();
    if (dataChannel) {
      media.add(writer.dataChannel(DATA_CHANNEL_MID));
      bundle.add(DATA_CHANNEL_MID);
    }
    for (OfferSection s : sections) {
      if (s.isLive()) {
        media.add(writer.live(s));
        bundle.add(s.mid());
      } else {
        media.add(OfferMediaWriter.stopped(s));
      }
    }
    List<Attribute> session = new ArrayList<>();
    session.add(Flag.ICE_LITE);
    if (!bundle.isEmpty()) {
      session.add(new Group(Group.BUNDLE, bundle));
    }
    SessionDescription sd =
        new SessionDescription(
            new Origin(
                "-",
                Long.toString(sessionId),
                Long.toString(sessionVersion),
                "IN",
                "IP4",
                "127.0.0.1"),
            "-",
            List.of(new SdpLine('t', "0 0")),
            session,
            media);
    Set<String> used = new LinkedHashSet<>(usedBefore);
    sections.forEach(s -> used.add(s.mid()));
    return new SdpOffer(sd, sections, dataChannel, used);
  }

  private static void check(
      List<OfferSection> sections, boolean dataChannel, long sessionId, long sessionVersion) {
    if (sections.isEmpty() && !dataChannel) {
      throw new IllegalArgumentException("an offer needs at least one m= section");
    }
    if (sessionId < 0 || sessionVersion < 0) {
      throw new IllegalArgumentException("session id and version must not be negative");
    }
    Set<String> mids = new HashSet<>(Set.of(DATA_CHANNEL_MID));
    Set<Long> ssrcs = new HashSet<>();
    for (OfferSection s : sections) {
      if (!mids.add(s.mid())) {
        throw new IllegalArgumentException("mid " + s.mid() + " is used twice");
      }
      if (s.isLive()
          && (!ssrcs.add(s.sender().ssrc())
              || (s.sender().rtxSsrc() != 0 && !ssrcs.add(s.sender().rtxSsrc())))) {
        throw new IllegalArgumentException("an SSRC of mid " + s.mid() + " is sent twice");
      }
    }
  }
}
