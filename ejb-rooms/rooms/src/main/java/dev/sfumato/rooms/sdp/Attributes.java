package dev.sfumato.rooms.sdp;

/** Turns the text of one {@code a=} line into its typed {@link Attribute}. */
final class Attributes {
  private Attributes() {}

  /**
   * @param text everything after "a="
   * @throws SdpException when a known attribute breaks its grammar
   */
  static Attribute parse(String text) {
    int colon = text.indexOf(':');
    String name = colon < 0 ? text : text.substring(0, colon);
    if (!Tokens.isToken(name)) {
      throw new SdpException("attribute name is not a token: " + Tokens.excerpt(name));
    }
    if (colon < 0) {
      Flag flag = Flag.of(name);
      if (flag != null) {
        return flag;
      }
      Direction dir = Direction.of(name);
      return dir != null ? dir : new Attribute.Other(name, null);
    }
    String raw = text.substring(colon + 1);
    String value = raw.strip();
    try {
      Attribute typed = parseValue(name, value);
      if (typed != null) {
        return typed;
      }
    } catch (SdpException e) {
      throw e;
    } catch (RuntimeException e) {
      // A grammar check we did not foresee must still come out as a 400, not a 500.
      throw new SdpException("a=" + name + " is malformed");
    }
    return new Attribute.Other(name, raw);
  }

  /** The typed attribute, or null when {@code name} is one this model keeps verbatim. */
  private static Attribute parseValue(String name, String value) {
    return switch (name) {
      case "mid" -> Attribute.Mid.parse(value);
      case "group" -> Group.parse(value);
      case "ice-ufrag" -> new Attribute.IceUfrag(value);
      case "ice-pwd" -> new Attribute.IcePwd(value);
      case "ice-options" -> Attribute.IceOptions.parse(value);
      case "fingerprint" -> Fingerprint.parse(value);
      case "setup" -> Setup.parse(value);
      case "rtpmap" -> rtpFormat(value) ? RtpMap.parse(value) : null;
      case "fmtp" -> rtpFormat(value) ? Fmtp.parse(value) : null;
      case "rtcp-fb" -> rtpFormat(value) || value.startsWith("* ") ? RtcpFb.parse(value) : null;
      case "extmap" -> ExtMap.parse(value);
      case "ssrc" -> Ssrc.parse(value);
      case "ssrc-group" -> SsrcGroup.parse(value);
      case "msid" -> Msid.parse(value);
      case "rid" -> Rid.parse(value);
      case "simulcast" -> Simulcast.parse(value);
      case "candidate" -> Candidate.parse(value);
      case "sctp-port" -> Attribute.SctpPort.parse(value);
      case "max-message-size" -> Attribute.MaxMessageSize.parse(value);
      default -> null;
    };
  }

  /**
   * rtpmap/fmtp/rtcp-fb name an RTP payload type when their format is a number; with another format
   * (older data channel drafts used "a=fmtp:webrtc-datachannel …") they are kept verbatim.
   */
  private static boolean rtpFormat(String value) {
    int sp = value.indexOf(' ');
    String fmt = sp < 0 ? value : value.substring(0, sp);
    return Tokens.isDigits(fmt);
  }
}
