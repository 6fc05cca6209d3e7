package dev.sfumato.rooms.sdp;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Answers an offer as an ICE-lite, BUNDLE-only server (RFC 8829 §5.3.1 initial answers, RFC 8843
 * BUNDLE, RFC 8839 ICE, RFC 8842 DTLS roles). One transport carries every accepted section; a
 * section is accepted when its media and protocol are ones we serve, it has a common codec (or is a
 * data channel and those are on), and it is in the offer's first BUNDLE group. Every other section
 * is rejected properly: port 0, its mid kept, out of the BUNDLE group, and a reason in {@link
 * NegotiatedMedia#rejectReason()}.
 *
 * <p>Interop decisions: every accepted section gets the same port, c= line and candidates (the
 * transport is shared, and every client we target accepts this, whereas an answerer's bundle-only
 * port 0 is not understood by all of them); the answer never carries a=bundle-only.
 */
public final class AnswerBuilder {
  /** RFC 8829 §5.2.1: the port of an m= section whose address is not known yet. */
  static final int DISCARD_PORT = 9;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ServerCapabilities capabilities;
  private final LocalTransport local;

  public AnswerBuilder(ServerCapabilities capabilities, LocalTransport local) {
    if (capabilities == null || local == null) {
      throw new IllegalArgumentException("capabilities and local transport are required");
    }
    this.capabilities = capabilities;
    this.local = local;
  }

  /** Answers with a random session id and version 1 (RFC 8866 §5.2). */
  public SdpAnswer answer(SessionDescription offer, AnswerPolicy policy) {
    return answer(offer, policy, RANDOM.nextLong() >>> 2, 1);
  }

  /**
   * @throws SdpException when the offer cannot be answered at all: no m= sections, a section
   *     without a=mid, duplicate mids, or an accepted transport without ICE credentials or a DTLS
   *     fingerprint
   */
  public SdpAnswer answer(
      SessionDescription offer, AnswerPolicy policy, long sessionId, long sessionVersion) {
    checkMids(offer);
    Group bundle = offer.bundleGroups().isEmpty() ? null : offer.bundleGroups().get(0);
    List<String> reasons = new ArrayList<>();
    List<List<NegotiatedMedia.Codec>> codecs = new ArrayList<>();
    boolean acceptedOutsideBundle = false;
    for (MediaDescription m : offer.media()) {
      List<NegotiatedMedia.Codec> c = isRtp(m) ? CodecNegotiation.negotiate(m, capabilities) : null;
      String reason = rejection(m, c);
      if (reason == null && bundle == null) {
        reason = acceptedOutsideBundle ? "BUNDLE is required for more than one m= section" : null;
        acceptedOutsideBundle = true;
      } else if (reason == null && !bundle.mids().contains(m.mid())) {
        reason = "not in the BUNDLE group";
      }
      reasons.add(reason);
      codecs.add(c);
    }
    MediaDescription tag = bundleTag(offer, bundle, reasons);
    RemoteTransport remote = tag == null ? null : remoteTransport(offer, tag);
    Setup localSetup = remote == null ? Setup.PASSIVE : remote.localSetup();
    SectionWriter writer = new SectionWriter(capabilities, local, localSetup, policy);
    List<MediaDescription> answerMedia = new ArrayList<>();
    List<NegotiatedMedia> negotiated = new ArrayList<>();
    List<String> acceptedMids = new ArrayList<>();
    for (int i = 0; i < offer.media().size(); i++) {
      MediaDescription m = offer.media().get(i);
      if (reasons.get(i) != null) {
        answerMedia.add(SectionWriter.rejected(m));
        negotiated.add(NegotiatedMedia.rejected(i, m.mid(), m.media(), reasons.get(i)));
        continue;
      }
      Direction offered = offer.directionFor(m);
      negotiated.add(writer.section(i, m, offered, codecs.get(i), answerMedia));
      acceptedMids.add(m.mid());
    }
    List<Attribute> session = new ArrayList<>();
    session.add(Flag.ICE_LITE);
    if (!acceptedMids.isEmpty()) {
      session.add(new Group(Group.BUNDLE, orderLikeOffer(bundle, acceptedMids)));
    }
    if (offer.has(Flag.EXTMAP_ALLOW_MIXED)) {
      session.add(Flag.EXTMAP_ALLOW_MIXED);
    }
    SessionDescription answer =
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
            answerMedia);
    return new SdpAnswer(answer, negotiated, remote);
  }

  private static void checkMids(SessionDescription offer) {
    if (offer.media().isEmpty()) {
      throw new SdpException("offer has no m= sections");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < offer.media().size(); i++) {
      String mid = offer.media().get(i).mid();
      if (mid == null) {
        throw new SdpException("m= section " + (i + 1) + " has no a=mid (RFC 8843 §9.1)");
      }
      if (!seen.add(mid)) {
        throw new SdpException("a=mid:" + mid + " is used by two m= sections");
      }
    }
  }

  private static boolean isRtp(MediaDescription m) {
    return "audio".equals(m.media()) || "video".equals(m.media());
  }

  /** Why we reject {@code m} regardless of BUNDLE, or null when we can serve it. */
  private String rejection(MediaDescription m, List<NegotiatedMedia.Codec> codecs) {
    if (m.isRejected()) {
      return "rejected in the offer (port 0)";
    }
    String proto = m.proto().toUpperCase(Locale.ROOT);
    if (isRtp(m)) {
      if (!proto.equals("UDP/TLS/RTP/SAVPF") && !proto.equals("TCP/TLS/RTP/SAVPF")) {
        return "unsupported protocol " + m.proto() + " (DTLS-SRTP is required)";
      }
      if (!m.has(Flag.RTCP_MUX)) {
        return "rtcp-mux is required";
      }
      return codecs.isEmpty() ? "no common codec" : null;
    }
    if ("application".equals(m.media())) {
      if (!(proto.equals("UDP/DTLS/SCTP") || proto.equals("TCP/DTLS/SCTP"))
          || !m.formats().contains("webrtc-datachannel")) {
        return "unsupported data channel protocol " + m.proto();
      }
      return capabilities.dataChannels() ? null : "data channels are not accepted";
    }
    return "unsupported media type " + m.media();
  }

  /** The accepted section that owns the transport: first accepted mid in BUNDLE order. */
  private static MediaDescription bundleTag(
      SessionDescription offer, Group bundle, List<String> reasons) {
    List<String> order = new ArrayList<>();
    if (bundle != null) {
      order.addAll(bundle.mids());
    }
    offer.media().forEach(m -> order.add(m.mid()));
    for (String mid : order) {
      MediaDescription m = offer.media(mid);
      if (m != null && reasons.get(offer.media().indexOf(m)) == null) {
        return m;
      }
    }
    return null;
  }

  private static RemoteTransport remoteTransport(SessionDescription offer, MediaDescription tag) {
    String ufrag = offer.iceUfragFor(tag);
    String pwd = offer.icePwdFor(tag);
    if (ufrag == null || pwd == null) {
      throw new SdpException("offer has no a=ice-ufrag/a=ice-pwd for mid " + tag.mid());
    }
    List<Fingerprint> fingerprints = offer.fingerprintsFor(tag);
    if (fingerprints.isEmpty()) {
      throw new SdpException("offer has no a=fingerprint for mid " + tag.mid());
    }
    Setup offered = offer.setupFor(tag);
    return new RemoteTransport(
        ufrag,
        pwd,
        offer.iceOptionsFor(tag),
        fingerprints,
        offered,
        Setup.answerTo(offered),
        tag.all(Candidate.class));
  }

  private static List<String> orderLikeOffer(Group bundle, List<String> acceptedMids) {
    if (bundle == null) {
      return acceptedMids;
    }
    List<String> out = new ArrayList<>();
    for (String mid : bundle.mids()) {
      if (acceptedMids.contains(mid) && !out.contains(mid)) {
        out.add(mid);
      }
    }
    return out;
  }
}
