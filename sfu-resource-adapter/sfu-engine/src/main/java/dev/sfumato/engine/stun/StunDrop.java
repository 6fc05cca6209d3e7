package dev.sfumato.engine.stun;

/**
 * Why a STUN datagram was discarded, by the parser (RFC 8489 §6.3) or by the ICE-lite responder
 * (RFC 8445 §7.3). Counted, never thrown.
 */
public enum StunDrop {
  /** Shorter than the 20-byte header. */
  TOO_SHORT,
  /** The first two bits are not zero (RFC 8489 §6): not STUN. */
  NOT_STUN,
  /** The magic cookie is not 0x2112A442 (RFC 8489 §6). */
  BAD_MAGIC_COOKIE,
  /** The length field is not a multiple of 4 (RFC 8489 §6). */
  LENGTH_NOT_ALIGNED,
  /** The length field disagrees with the datagram size: one UDP datagram is one message. */
  LENGTH_MISMATCH,
  /** An attribute's header or padded value runs past the end of the message. */
  ATTRIBUTE_OVERRUN,
  /** An attribute follows FINGERPRINT, which must be last (RFC 8489 §14.7). */
  FINGERPRINT_NOT_LAST,
  /** A known attribute has an impossible length or address family. */
  MALFORMED_ATTRIBUTE,
  /** FINGERPRINT present but its CRC-32 does not match (RFC 8489 §7.3). */
  BAD_FINGERPRINT,
  /** Not a Binding request: an indication, a response, or another method. */
  NOT_BINDING_REQUEST,
  /** A Binding request without USERNAME (RFC 8489 §9.1.3 would answer 400; we stay silent). */
  MISSING_USERNAME,
  /** A Binding request without MESSAGE-INTEGRITY (RFC 8489 §9.1.3 would answer 400). */
  MISSING_INTEGRITY,
  /** USERNAME is not {@code <our ufrag>:<their ufrag>} (RFC 8445 §7.2.2; 401 in RFC 8489). */
  UNKNOWN_USERNAME,
  /** MESSAGE-INTEGRITY does not verify with our password (RFC 8489 §9.1.3; 401). */
  BAD_INTEGRITY,
  /** The answer would be longer than the request: never amplify (STYLE.md, security order). */
  RESPONSE_WOULD_AMPLIFY,
  /** The caller's output buffer cannot hold the answer. */
  OUTPUT_TOO_SMALL,
  /** The source address is unresolved or neither IPv4 nor IPv6. */
  BAD_SOURCE_ADDRESS
}
