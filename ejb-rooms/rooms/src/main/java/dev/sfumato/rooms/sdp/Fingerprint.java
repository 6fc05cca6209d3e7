package dev.sfumato.rooms.sdp;

import java.util.List;

/**
 * {@code a=fingerprint:<hash-func> <hex:hex:…>} (RFC 8122 §5): the hash of the DTLS certificate the
 * writer will present; the engine checks the handshake against it.
 */
public record Fingerprint(String hashFunction, String value) implements Attribute {
  public Fingerprint {
    Tokens.requireToken(hashFunction, "a=fingerprint hash function");
    if (value == null || !value.matches("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){0,127}")) {
      throw new SdpException("a=fingerprint is not colon-separated hex: " + Tokens.excerpt(value));
    }
  }

  static Fingerprint parse(String v) {
    List<String> f = Tokens.fields(v);
    if (f.size() != 2) {
      throw new SdpException("a=fingerprint needs a hash function and a value");
    }
    return new Fingerprint(f.get(0), f.get(1));
  }

  @Override
  public String attributeName() {
    return "fingerprint";
  }

  @Override
  public String attributeValue() {
    return hashFunction + " " + value;
  }
}
