package dev.sfumato.rooms.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code a=ssrc-group:<semantics> <ssrc>*} (RFC 5576 §4.2), e.g. "FID 1 2" (RFC 4588 RTX pairs) or
 * "SIM 1 2 3" (legacy simulcast).
 */
public record SsrcGroup(String semantics, List<Long> ssrcs) implements Attribute {
  public SsrcGroup {
    Tokens.requireToken(semantics, "a=ssrc-group semantics");
    ssrcs = List.copyOf(ssrcs);
    if (ssrcs.isEmpty()) {
      throw new SdpException("a=ssrc-group needs at least one SSRC");
    }
    ssrcs.forEach(Ssrc::checkSsrc);
  }

  static SsrcGroup parse(String value) {
    List<String> f = Tokens.fields(value);
    if (f.size() < 2) {
      throw new SdpException("a=ssrc-group must be '<semantics> <ssrc>...'");
    }
    List<Long> ssrcs = new ArrayList<>();
    for (String s : f.subList(1, f.size())) {
      ssrcs.add(Tokens.parseLong(s, 0, 0xFFFFFFFFL, "a=ssrc-group SSRC"));
    }
    return new SsrcGroup(f.get(0), ssrcs);
  }

  @Override
  public String attributeName() {
    return "ssrc-group";
  }

  @Override
  public String attributeValue() {
    StringBuilder b = new StringBuilder(semantics);
    ssrcs.forEach(s -> b.append(' ').append(s));
    return b.toString();
  }
}
