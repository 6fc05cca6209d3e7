package dev.sfumato.rooms.sdp;

/** Property attributes (no value) that WebRTC gives a meaning to. */
public enum Flag implements Attribute {
  /** RFC 8843 §6: this m= section may only be used bundled; its port 0 does not reject it. */
  BUNDLE_ONLY("bundle-only"),
  /** RFC 8839 §5.3: the agent is ICE-lite (session level). */
  ICE_LITE("ice-lite"),
  /** RFC 5761 §5.1.3: RTP and RTCP share one port. */
  RTCP_MUX("rtcp-mux"),
  /** RFC 8858: the offerer will not fall back to separate RTCP ports. */
  RTCP_MUX_ONLY("rtcp-mux-only"),
  /** RFC 5506 §5: reduced-size RTCP. */
  RTCP_RSIZE("rtcp-rsize"),
  /** RFC 8840 §8.2: no more candidates will follow for this m= section. */
  END_OF_CANDIDATES("end-of-candidates"),
  /** RFC 8285 §6: one-byte and two-byte header extensions may be mixed in one packet. */
  EXTMAP_ALLOW_MIXED("extmap-allow-mixed");

  private final String sdpName;

  Flag(String sdpName) {
    this.sdpName = sdpName;
  }

  /** The flag called {@code name}, or null. */
  static Flag of(String name) {
    for (Flag f : values()) {
      if (f.sdpName.equals(name)) {
        return f;
      }
    }
    return null;
  }

  @Override
  public String attributeName() {
    return sdpName;
  }

  @Override
  public String attributeValue() {
    return null;
  }
}
