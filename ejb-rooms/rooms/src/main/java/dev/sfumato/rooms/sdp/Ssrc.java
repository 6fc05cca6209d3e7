package dev.sfumato.rooms.sdp;

/**
 * {@code a=ssrc:<ssrc> <attribute>[:<value>]} (RFC 5576 §4.1), e.g. "1234 cname:abc" or "1234
 * msid:stream track". {@code value} is null for a property source attribute.
 */
public record Ssrc(long ssrc, String attribute, String value) implements Attribute {
  public Ssrc {
    checkSsrc(ssrc);
    Tokens.requireToken(attribute, "a=ssrc attribute");
    if (attribute.indexOf(':') >= 0) {
      throw new SdpException("a=ssrc attribute name contains ':'");
    }
    if (value != null) {
      Tokens.requireText(value, "a=ssrc value");
    }
  }

  static Ssrc parse(String v) {
    int sp = v.indexOf(' ');
    if (sp < 0) {
      throw new SdpException("a=ssrc must be '<ssrc> <attribute>[:<value>]'");
    }
    long ssrc = Tokens.parseLong(v.substring(0, sp), 0, 0xFFFFFFFFL, "a=ssrc id");
    String rest = v.substring(sp + 1).strip();
    int colon = rest.indexOf(':');
    return colon < 0
        ? new Ssrc(ssrc, rest, null)
        : new Ssrc(ssrc, rest.substring(0, colon), rest.substring(colon + 1));
  }

  static void checkSsrc(long ssrc) {
    if (ssrc < 0 || ssrc > 0xFFFFFFFFL) {
      throw new SdpException("SSRC " + ssrc + " is out of range 0..2^32-1");
    }
  }

  @Override
  public String attributeName() {
    return "ssrc";
  }

  @Override
  public String attributeValue() {
    return value == null ? ssrc + " " + attribute : ssrc + " " + attribute + ":" + value;
  }
}
