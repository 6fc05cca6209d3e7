package dev.sfumato.rooms.sdp;

/**
 * {@code a=rtcp-fb:<pt|*> <type> [<param>]} (RFC 4585 §4.2), e.g. "96 nack pli", "96 ccm fir", "96
 * transport-cc". {@code payloadType} is {@link #WILDCARD} for "*"; {@code param} is "" when absent.
 */
public record RtcpFb(int payloadType, String type, String param) implements Attribute {
  /** The "*" payload type: the feedback applies to every format of the m= section. */
  public static final int WILDCARD = -1;

  public RtcpFb {
    if (payloadType != WILDCARD) {
      RtpMap.checkPayloadType(payloadType, "a=rtcp-fb");
    }
    Tokens.requireToken(type, "a=rtcp-fb type");
    Tokens.requireText(param, "a=rtcp-fb parameter");
    if (param.strip().length() != param.length()) {
      throw new SdpException("a=rtcp-fb parameter is padded with spaces");
    }
  }

  static RtcpFb parse(String value) {
    int sp = value.indexOf(' ');
    if (sp < 0) {
      throw new SdpException("a=rtcp-fb must be '<pt> <type> [<param>]'");
    }
    String pt = value.substring(0, sp);
    int payloadType =
        "*".equals(pt) ? WILDCARD : Tokens.parseInt(pt, 0, 127, "a=rtcp-fb payload type");
    String rest = value.substring(sp + 1).strip();
    int sp2 = rest.indexOf(' ');
    return sp2 < 0
        ? new RtcpFb(payloadType, rest, "")
        : new RtcpFb(payloadType, rest.substring(0, sp2), rest.substring(sp2 + 1).strip());
  }

  /** The same feedback for another payload type. */
  public RtcpFb withPayloadType(int pt) {
    return new RtcpFb(pt, type, param);
  }

  /** Same type and parameter, whatever the payload type. */
  public boolean sameFeedback(RtcpFb other) {
    return type.equals(other.type) && param.equals(other.param);
  }

  @Override
  public String attributeName() {
    return "rtcp-fb";
  }

  @Override
  public String attributeValue() {
    String pt = payloadType == WILDCARD ? "*" : Integer.toString(payloadType);
    return param.isEmpty() ? pt + " " + type : pt + " " + type + " " + param;
  }
}
