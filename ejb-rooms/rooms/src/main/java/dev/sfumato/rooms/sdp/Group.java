package dev.sfumato.rooms.sdp;

import java.util.ArrayList;
import java.util.List;

/** {@code a=group:<semantics> <mid>*} (RFC 5888 §5), e.g. {@code a=group:BUNDLE 0 1}. */
public record Group(String semantics, List<String> mids) implements Attribute {
  /** RFC 8843 §9.1 semantics tag of a bundle group. */
  public static final String BUNDLE = "BUNDLE";

  public Group {
    Tokens.requireToken(semantics, "a=group semantics");
    mids = List.copyOf(mids);
    mids.forEach(m -> Tokens.requireToken(m, "a=group mid"));
  }

  static Group parse(String value) {
    List<String> f = Tokens.fields(value);
    if (f.isEmpty()) {
      throw new SdpException("a=group needs a semantics tag");
    }
    return new Group(f.get(0), new ArrayList<>(f.subList(1, f.size())));
  }

  public boolean isBundle() {
    return BUNDLE.equals(semantics);
  }

  @Override
  public String attributeName() {
    return "group";
  }

  @Override
  public String attributeValue() {
    return mids.isEmpty() ? semantics : semantics + " " + String.join(" ", mids);
  }
}
