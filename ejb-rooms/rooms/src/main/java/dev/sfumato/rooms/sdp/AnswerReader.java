package dev.sfumato.rooms.sdp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Judges the peer's answer to a server-made offer (RFC 3264 §6, RFC 8829 §5.10): the same m=
 * sections in the same order with the same mids, directions that fit sendonly, codecs and header
 * extensions that the offer named with the ids it gave them, one BUNDLE transport, a DTLS role
 * chosen. Anything else is an {@link SdpException} that names the section and the rule.
 */
final class AnswerReader {
  private final SdpOffer offer;
  private final SessionDescription answer;

  AnswerReader(SdpOffer offer, SessionDescription answer) {
    this.offer = offer;
    this.answer = answer;
  }

  OfferOutcome read() {
    List<MediaDescription> offered = offer.description().media();
    List<MediaDescription> answered = answer.media();
    if (offered.size() != answered.size()) {
      throw new SdpException(
          "the answer has "
              + answered.size()
              + " m= sections, the offer "
              + offered.size()
              + " (RFC 3264 §6: one for each)");
    }
    List<NegotiatedMedia> out = new ArrayList<>();
    for (int i = 0; i < offered.size(); i++) {
      MediaDescription om = offered.get(i);
      MediaDescription am = answered.get(i);
      String mid = om.mid();
      checkSameSection(i, om, am);
      if (om.port() == 0) {
        if (am.port() != 0) {
          throw new SdpException(
              "mid "
                  + mid
                  + " is stopped in the offer, so its answer must have port 0 (RFC 3264 §6)");
        }
        out.add(NegotiatedMedia.rejected(i, mid, om.media(), "stopped by the server"));
      } else if (am.port() == 0) {
        out.add(NegotiatedMedia.rejected(i, mid, om.media(), "rejected by the answerer (port 0)"));
      } else if ("application".equals(om.media())) {
        out.add(dataChannel(i, om, am));
      } else {
        out.add(rtp(i, om, am));
      }
    }
    return new OfferOutcome(transport(out), out);
  }

  private static void checkSameSection(int i, MediaDescription om, MediaDescription am) {
    String where = "m= section " + (i + 1) + " (mid " + om.mid() + ")";
    if (!om.media().equals(am.media())) {
      throw new SdpException(
          where + ": the answer has m=" + am.media() + ", the offer m=" + om.media());
    }
    if (am.mid() == null) {
      throw new SdpException(where + ": the answer has no a=mid (RFC 8843 §9.1)");
    }
    if (!om.mid().equals(am.mid())) {
      throw new SdpException(
          where + ": the answer says mid " + am.mid() + " (RFC 5888 §9.2: same mids, same order)");
    }
    if (am.port() != 0 && !om.proto().equalsIgnoreCase(am.proto())) {
      throw new SdpException(
          where + ": the answer's protocol " + am.proto() + " is not the offered " + om.proto());
    }
  }

  private NegotiatedMedia rtp(int index, MediaDescription om, MediaDescription am) {
    String mid = om.mid();
    Direction theirs = answer.directionFor(am);
    if (theirs != Direction.RECVONLY && theirs != Direction.INACTIVE) {
      throw new SdpException(
          "mid "
              + mid
              + ": the answer is "
              + theirs.sdpName()
              + ", but an answer to sendonly must be recvonly or inactive (RFC 3264 §6.1)");
    }
    if (!am.has(Flag.RTCP_MUX)) {
      throw new SdpException("mid " + mid + ": the answer must accept rtcp-mux (RFC 5761 §5.1.3)");
    }
    checkFormats(om, am);
    OfferSection section = offer.sections().get(index - (offer.dataChannel() ? 1 : 0));
    List<NegotiatedMedia.Codec> codecs = new ArrayList<>();
    for (NegotiatedMedia.Codec c : section.codecs()) {
      if (am.formats().contains(Integer.toString(c.payloadType()))) {
        codecs.add(kept(c, om, am));
      }
    }
    if (codecs.isEmpty()) {
      throw new SdpException(
          "mid " + mid + ": the answer keeps no offered codec; it must reject with port 0");
    }
    List<Msid> msids = am.all(Msid.class);
    return new NegotiatedMedia(
        index,
        mid,
        om.media(),
        true,
        "",
        theirs.reverse(),
        codecs,
        extensions(om, am),
        am.ssrcs(),
        am.all(SsrcGroup.class),
        List.of(),
        msids.isEmpty() ? null : msids.get(0),
        0,
        0);
  }

  /** RFC 3264 §6.1: the answer lists a subset of the offered formats, with the same mappings. */
  private static void checkFormats(MediaDescription om, MediaDescription am) {
    for (String f : am.formats()) {
      if (!om.formats().contains(f)) {
        throw new SdpException(
            "mid " + om.mid() + ": payload type " + f + " in the answer was not offered");
      }
      RtpMap ours = om.rtpMap(Integer.parseInt(f));
      RtpMap theirs = am.rtpMap(Integer.parseInt(f));
      if (ours != null && theirs != null && !sameFormat(ours, theirs)) {
        throw new SdpException(
            "mid "
                + om.mid()
                + ": payload type "
                + f
                + " is "
                + theirs.attributeValue()
                + " in the answer, "
                + ours.attributeValue()
                + " in the offer (RFC 8829 §5.3.1: same payload types)");
      }
    }
  }

  private static boolean sameFormat(RtpMap a, RtpMap b) {
    return a.encoding().equalsIgnoreCase(b.encoding())
        && a.clockRate() == b.clockRate()
        && a.channelsOrDefault() == b.channelsOrDefault();
  }

  /** An offered codec the answer kept: our fmtp, the feedback both list, RTX if both have it. */
  private static NegotiatedMedia.Codec kept(
      NegotiatedMedia.Codec c, MediaDescription om, MediaDescription am) {
    int pt = c.payloadType();
    String rtx = Integer.toString(c.rtxPayloadType());
    boolean rtxKept =
        c.rtxPayloadType() >= 0 && om.formats().contains(rtx) && am.formats().contains(rtx);
    List<RtcpFb> answered = am.rtcpFb(pt);
    List<RtcpFb> feedback = new ArrayList<>();
    for (RtcpFb f : om.rtcpFb(pt)) {
      if (answered.stream().anyMatch(f::sameFeedback)) {
        feedback.add(f);
      }
    }
    return new NegotiatedMedia.Codec(
        pt,
        c.name(),
        c.clockRate(),
        c.channels(),
        c.fmtp(),
        feedback,
        rtxKept ? c.rtxPayloadType() : -1);
  }

  /** RFC 8829 §5.3.1 / RFC 8285 §6: the answer uses offered extensions with the offered ids. */
  private static List<NegotiatedMedia.HeaderExtension> extensions(
      MediaDescription om, MediaDescription am) {
    List<NegotiatedMedia.HeaderExtension> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ExtMap e : am.all(ExtMap.class)) {
      ExtMap ours = null;
      for (ExtMap o : om.all(ExtMap.class)) {
        if (o.uri().equals(e.uri())) {
          ours = o;
        }
      }
      if (ours == null) {
        throw new SdpException(
            "mid " + om.mid() + ": header extension " + e.uri() + " was not offered");
      }
      if (ours.id() != e.id()) {
        throw new SdpException(
            "mid "
                + om.mid()
                + ": header extension "
                + e.uri()
                + " has id "
                + e.id()
                + " in the answer, "
                + ours.id()
                + " in the offer (RFC 8285 §6)");
      }
      if (seen.add(e.uri())) {
        out.add(new NegotiatedMedia.HeaderExtension(e.id(), e.uri()));
      }
    }
    return out;
  }

  /** RFC 8841: the answerer's SCTP port; the smaller of both message sizes. */
  private static NegotiatedMedia dataChannel(int index, MediaDescription om, MediaDescription am) {
    if (!am.formats().contains(OfferMediaWriter.DATA_CHANNEL_FORMAT)) {
      throw new SdpException(
          "mid " + om.mid() + ": the answer's data channel format is not webrtc-datachannel");
    }
    Attribute.SctpPort port = am.first(Attribute.SctpPort.class);
    Attribute.MaxMessageSize ours = om.first(Attribute.MaxMessageSize.class);
    long size =
        SectionWriter.messageSize(
            ours == null ? 0 : ours.bytes(), am.first(Attribute.MaxMessageSize.class));
    return new NegotiatedMedia(
        index,
        om.mid(),
        om.media(),
        true,
        "",
        Direction.SENDRECV,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        port == null ? SectionWriter.DEFAULT_SCTP_PORT : port.port(),
        size);
  }

  /**
   * The answerer's transport, from its BUNDLE tag (RFC 8843 §7.3.1: the first mid of its group). We
   * are BUNDLE-only: every accepted section must be in that group, except when it is the only one
   * accepted.
   */
  private RemoteTransport transport(List<NegotiatedMedia> media) {
    List<String> accepted =
        media.stream().filter(NegotiatedMedia::accepted).map(NegotiatedMedia::mid).toList();
    if (accepted.isEmpty()) {
      return null;
    }
    List<Group> groups = answer.bundleGroups();
    String tag = accepted.get(0);
    if (!groups.isEmpty()) {
      Group bundle = groups.get(0);
      for (String mid : accepted) {
        if (!bundle.mids().contains(mid)) {
          throw new SdpException(
              "mid " + mid + " is accepted but not in the answer's BUNDLE group (RFC 8843 §7.3)");
        }
      }
      tag = bundle.mids().stream().filter(accepted::contains).findFirst().orElse(tag);
    } else if (accepted.size() > 1) {
      throw new SdpException(
          "the answer has no a=group:BUNDLE, but the server needs one transport (RFC 8843 §7.3)");
    }
    return remote(answer.media(tag));
  }

  private RemoteTransport remote(MediaDescription tag) {
    String ufrag = answer.iceUfragFor(tag);
    String pwd = answer.icePwdFor(tag);
    if (ufrag == null || pwd == null) {
      throw new SdpException("the answer has no a=ice-ufrag/a=ice-pwd for mid " + tag.mid());
    }
    List<Fingerprint> fingerprints = answer.fingerprintsFor(tag);
    if (fingerprints.isEmpty()) {
      throw new SdpException("the answer has no a=fingerprint for mid " + tag.mid());
    }
    Setup theirs = answer.setupFor(tag);
    if (theirs == null) {
      theirs = Setup.ACTIVE; // RFC 4145 §4: an absent a=setup means active.
    }
    if (theirs != Setup.ACTIVE && theirs != Setup.PASSIVE) {
      throw new SdpException(
          "a=setup:"
              + theirs.name().toLowerCase(Locale.ROOT)
              + " in an answer: it must be active or passive (RFC 8842 §5.3)");
    }
    return new RemoteTransport(
        ufrag,
        pwd,
        answer.iceOptionsFor(tag),
        fingerprints,
        theirs,
        theirs == Setup.ACTIVE ? Setup.PASSIVE : Setup.ACTIVE,
        tag.all(Candidate.class));
  }
}
