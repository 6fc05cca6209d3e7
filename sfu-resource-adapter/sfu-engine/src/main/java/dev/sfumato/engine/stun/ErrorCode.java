package dev.sfumato.engine.stun;

import java.nio.charset.StandardCharsets;

/**
 * ERROR-CODE, RFC 8489 §14.8.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Reserved, should be 0         |Class|     Number    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Reason Phrase (variable)                                ..
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * The code is Class * 100 + Number (300..699); the reason phrase is UTF-8 for humans.
 */
public final class ErrorCode {

  /** Reserved, class and number. */
  public static final int FIXED_BYTES = 4;

  public static final int BAD_REQUEST = 400;
  public static final int UNAUTHORIZED = 401;
  public static final int UNKNOWN_ATTRIBUTE = 420;
  public static final int ROLE_CONFLICT = 487; // RFC 8445 §16.2

  private static final byte[] BAD_REQUEST_REASON = ascii("Bad Request");
  private static final byte[] UNAUTHORIZED_REASON = ascii("Unauthorized");
  private static final byte[] UNKNOWN_ATTRIBUTE_REASON = ascii("Unknown Attribute");
  private static final byte[] ROLE_CONFLICT_REASON = ascii("Role Conflict");
  private static final byte[] NO_REASON = new byte[0];

  private ErrorCode() {}

  /** Attribute size with header and padding for a reason phrase of {@code reasonBytes}. */
  public static int encodedSize(int reasonBytes) {
    return StunAttribute.HEADER_BYTES + StunAttribute.padded(FIXED_BYTES + reasonBytes);
  }

  /** Attribute size with the standard reason phrase of {@code code}. */
  public static int encodedSizeOf(int code) {
    return encodedSize(reasonOf(code).length);
  }

  /**
   * Writes the attribute at {@code at} with the standard reason phrase of {@code code}.
   *
   * @return the offset after the attribute
   */
  public static int encode(byte[] buf, int at, int code) {
    byte[] reason = reasonOf(code);
    int valueLength = FIXED_BYTES + reason.length;
    Bytes.put16(buf, at, StunAttribute.ERROR_CODE);
    Bytes.put16(buf, at + 2, valueLength);
    buf[at + 4] = 0;
    buf[at + 5] = 0;
    buf[at + 6] = (byte) (code / 100);
    buf[at + 7] = (byte) (code % 100);
    System.arraycopy(reason, 0, buf, at + 8, reason.length);
    int end = at + StunAttribute.HEADER_BYTES + valueLength;
    Bytes.zeroPadding(buf, end, valueLength);
    return at + StunAttribute.HEADER_BYTES + StunAttribute.padded(valueLength);
  }

  /** The code of the value at {@code value}: class (3 bits) * 100 + number. */
  public static int code(byte[] buf, int value) {
    return (buf[value + 2] & 0x07) * 100 + (buf[value + 3] & 0xFF);
  }

  /** Class 3 to 6 and number 0 to 99 (RFC 8489 §14.8): anything else is malformed. */
  static boolean isValid(byte[] buf, int value) {
    int errorClass = buf[value + 2] & 0x07;
    int number = buf[value + 3] & 0xFF;
    return errorClass >= 3 && errorClass <= 6 && number <= 99;
  }

  /** Reason phrase offset; its length is the attribute length minus {@link #FIXED_BYTES}. */
  public static int reasonOffset(int value) {
    return value + FIXED_BYTES;
  }

  private static byte[] reasonOf(int code) {
    switch (code) {
      case BAD_REQUEST:
        return BAD_REQUEST_REASON;
      case UNAUTHORIZED:
        return UNAUTHORIZED_REASON;
      case UNKNOWN_ATTRIBUTE:
        return UNKNOWN_ATTRIBUTE_REASON;
      case ROLE_CONFLICT:
        return ROLE_CONFLICT_REASON;
      default:
        if (code < 300 || code > 699) {
          throw new IllegalArgumentException("STUN error codes are 300..699: " + code);
        }
        return NO_REASON;
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
