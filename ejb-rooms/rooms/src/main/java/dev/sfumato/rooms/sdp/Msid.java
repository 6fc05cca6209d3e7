package dev.sfumato.rooms.sdp;

import java.util.List;

/**
 * {@code a=msid:<stream id> [<track id>]} (RFC 8830 §2). The stream id "-" means "no stream";
 * {@code trackId} is null when absent.
 */
public record Msid(String streamId, String trackId) implements Attribute {
  public Msid {
    Tokens.requireToken(streamId, "a=msid stream id");
    if (trackId != null) {
      Tokens.requireToken(trackId, "a=msid track id");
    }
  }

  static Msid parse(String value) {
    List<String> f = Tokens.fields(value);
    if (f.isEmpty() || f.size() > 2) {
      throw new SdpException("a=msid must be '<stream id> [<track id>]'");
    }
    return new Msid(f.get(0), f.size() == 2 ? f.get(1) : null);
  }

  @Override
  public String attributeName() {
    return "msid";
  }

  @Override
  public String attributeValue() {
    return trackId == null ? streamId : streamId + " " + trackId;
  }
}
