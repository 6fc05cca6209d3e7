package dev.sfumato.rooms.sdp;

import java.util.Locale;

/** {@code a=setup} (RFC 4145 §4, RFC 8842 §5): which side starts the DTLS handshake. */
public enum Setup implements Attribute {
  ACTPASS,
  ACTIVE,
  PASSIVE,
  HOLDCONN;

  static Setup parse(String value) {
    for (Setup s : values()) {
      if (s.name().equalsIgnoreCase(value)) {
        return s;
      }
    }
    throw new SdpException("a=setup must be actpass, active, passive or holdconn");
  }

  /**
   * Our role when the offer says {@code offered} (RFC 8842 §5.3): passive against actpass or active
   * (and an absent attribute, which RFC 4145 §4 reads as active), active against passive.
   */
  public static Setup answerTo(Setup offered) {
    if (offered == null || offered == ACTPASS || offered == ACTIVE) {
      return PASSIVE;
    }
    if (offered == PASSIVE) {
      return ACTIVE;
    }
    throw new SdpException("a=setup:holdconn cannot be answered");
  }

  @Override
  public String attributeName() {
    return "setup";
  }

  @Override
  public String attributeValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
