package dev.sfumato.rooms.sdp;

import java.util.List;

/**
 * {@code a=extmap:<id>[/<direction>] <uri> [<extension attributes>]} (RFC 8285 §7). {@code
 * direction} is null when not given; {@code attributes} is "" when absent.
 */
public record ExtMap(int id, Direction direction, String uri, String attributes)
    implements Attribute {
  public ExtMap {
    // RFC 8285 §4.2/§4.3: 1..14 one-byte, 1..255 two-byte header ids; 0 is never valid.
    if (id < 1 || id > 255) {
      throw new SdpException("a=extmap id " + id + " is out of range 1..255");
    }
    if (uri == null || uri.isEmpty() || uri.indexOf(' ') >= 0) {
      throw new SdpException("a=extmap needs a URI");
    }
    Tokens.requireText(uri, "a=extmap URI");
    Tokens.requireText(attributes, "a=extmap attributes");
    if (attributes.strip().length() != attributes.length()) {
      throw new SdpException("a=extmap attributes are padded with spaces");
    }
  }

  static ExtMap parse(String value) {
    List<String> f = Tokens.fields(value);
    if (f.size() < 2) {
      throw new SdpException("a=extmap must be '<id>[/<direction>] <uri>'");
    }
    String idPart = f.get(0);
    Direction dir = null;
    int slash = idPart.indexOf('/');
    if (slash >= 0) {
      dir = Direction.of(idPart.substring(slash + 1));
      if (dir == null) {
        throw new SdpException("a=extmap has an unknown direction: " + Tokens.excerpt(idPart));
      }
      idPart = idPart.substring(0, slash);
    }
    int id = Tokens.parseInt(idPart, 1, 255, "a=extmap id");
    String attrs = String.join(" ", f.subList(2, f.size()));
    return new ExtMap(id, dir, f.get(1), attrs);
  }

  @Override
  public String attributeName() {
    return "extmap";
  }

  @Override
  public String attributeValue() {
    String v = direction == null ? Integer.toString(id) : id + "/" + direction.sdpName();
    v = v + " " + uri;
    return attributes.isEmpty() ? v : v + " " + attributes;
  }
}
