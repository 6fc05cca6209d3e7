package dev.sfumato.rooms.sdp;

import java.util.List;

/**
 * {@code a=rid:<id> <send|recv> [<params>]} (RFC 8851 §10), e.g. "q send" or "f send
 * pt=96;max-width=1280". {@code params} (payload types and restrictions) is kept verbatim, "" when
 * absent.
 */
public record Rid(String id, Rid.Dir direction, String params) implements Attribute {
  /** RFC 8851 rid-dir. */
  public enum Dir {
    SEND,
    RECV;

    String sdp() {
      return this == SEND ? "send" : "recv";
    }

    static Dir parse(String s) {
      return switch (s) {
        case "send" -> SEND;
        case "recv" -> RECV;
        default -> throw new SdpException("rid direction must be send or recv");
      };
    }
  }

  public Rid {
    checkId(id);
    if (direction == null) {
      throw new SdpException("a=rid needs a direction");
    }
    Tokens.requireText(params, "a=rid parameters");
    if (params.indexOf(' ') >= 0) {
      throw new SdpException("a=rid parameters contain a space");
    }
  }

  /** RFC 8851 §10: rid-id = 1*(alpha-numeric / "-" / "_"); we cap it at 255 characters. */
  static void checkId(String id) {
    if (id == null || !id.matches("[A-Za-z0-9_-]{1,255}")) {
      throw new SdpException("rid id is not 1*(alpha-numeric / - / _): " + Tokens.excerpt(id));
    }
  }

  static Rid parse(String value) {
    List<String> f = Tokens.fields(value);
    if (f.size() < 2 || f.size() > 3) {
      throw new SdpException("a=rid must be '<id> <send|recv> [<params>]'");
    }
    return new Rid(f.get(0), Dir.parse(f.get(1)), f.size() == 3 ? f.get(2) : "");
  }

  @Override
  public String attributeName() {
    return "rid";
  }

  @Override
  public String attributeValue() {
    String v = id + " " + direction.sdp();
    return params.isEmpty() ? v : v + " " + params;
  }
}
