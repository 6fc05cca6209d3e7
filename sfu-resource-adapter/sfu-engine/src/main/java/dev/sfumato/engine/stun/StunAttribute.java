package dev.sfumato.engine.stun;

/**
 * STUN attribute types and the TLV layout they share, RFC 8489 §14.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Type                  |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Value (variable)                ....
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Length counts the value without its padding to the next multiple of 4. Types below 0x8000 are
 * comprehension-required.
 */
public final class StunAttribute {

  /** Type and length, 2 bytes each. */
  public static final int HEADER_BYTES = 4;

  // RFC 8489 §18.3
  public static final int MAPPED_ADDRESS = 0x0001;
  public static final int USERNAME = 0x0006;
  public static final int MESSAGE_INTEGRITY = 0x0008;
  public static final int ERROR_CODE = 0x0009;
  public static final int UNKNOWN_ATTRIBUTES = 0x000A;
  public static final int REALM = 0x0014;
  public static final int NONCE = 0x0015;
  public static final int MESSAGE_INTEGRITY_SHA256 = 0x001C;
  public static final int PASSWORD_ALGORITHM = 0x001D;
  public static final int USERHASH = 0x001E;
  public static final int XOR_MAPPED_ADDRESS = 0x0020;
  public static final int SOFTWARE = 0x8022;
  public static final int ALTERNATE_SERVER = 0x8023;
  public static final int FINGERPRINT = 0x8028;

  // RFC 8445 §16.1
  public static final int PRIORITY = 0x0024;
  public static final int USE_CANDIDATE = 0x0025;
  public static final int ICE_CONTROLLED = 0x8029;
  public static final int ICE_CONTROLLING = 0x802A;

  /** USERNAME holds {@code ufrag:ufrag}, each at most 256 ice-chars (RFC 8839 §5.4). */
  public static final int MAX_USERNAME_BYTES = 513;

  /** ERROR-CODE reason phrase: at most 763 bytes (RFC 8489 §14.8). */
  public static final int MAX_REASON_BYTES = 763;

  private StunAttribute() {}

  /** The value length rounded up to the 32-bit boundary every attribute ends on. */
  public static int padded(int valueLength) {
    return (valueLength + 3) & ~3;
  }

  /** True for 0x0000-0x7FFF: an agent that does not understand one must not ignore it. */
  public static boolean isComprehensionRequired(int type) {
    return type < 0x8000;
  }
}
