package dev.sfumato.rooms.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * Typed look-ups over a list of {@code a=} lines: the same for the session level and for each m=
 * section (RFC 8866 §5.13 and §5.14 share one attribute syntax).
 */
public interface Attributed {

  /** The attributes in the order they were written. */
  List<Attribute> attributes();

  /** The first attribute of {@code type}, or null. */
  default <T extends Attribute> T first(Class<T> type) {
    for (Attribute a : attributes()) {
      if (type.isInstance(a)) {
        return type.cast(a);
      }
    }
    return null;
  }

  /** Every attribute of {@code type}, in order. */
  default <T extends Attribute> List<T> all(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (Attribute a : attributes()) {
      if (type.isInstance(a)) {
        out.add(type.cast(a));
      }
    }
    return out;
  }

  default boolean has(Flag flag) {
    return attributes().contains(flag);
  }
}
