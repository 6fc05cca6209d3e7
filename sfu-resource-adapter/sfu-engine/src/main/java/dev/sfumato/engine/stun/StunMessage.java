package dev.sfumato.engine.stun;

import java.util.Objects;

/**
 * A STUN message read in place, RFC 8489 §5 (header) and §14 (attributes).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0 0|     STUN Message Type     |         Message Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Magic Cookie                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     Transaction ID (96 bits)                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>A mutable view: {@link #wrap} re-points it over {@code (buf, off, len)}, checks the header,
 * walks every attribute once with bounds checks and remembers where the ones ICE uses are. Nothing
 * is copied and nothing is allocated. After a successful wrap every accessor is in bounds; after a
 * failed one, {@link #error()} says why and the other accessors must not be used.
 *
 * <p>Attribute rules (RFC 8489 §14): the first occurrence of a type wins; attributes after
 * MESSAGE-INTEGRITY are ignored except FINGERPRINT; FINGERPRINT must be last.
 */
public final class StunMessage {

  public static final int HEADER_BYTES = 20;
  public static final int MAGIC_COOKIE = 0x2112A442;
  public static final int TRANSACTION_ID_OFFSET = 8;
  public static final int TRANSACTION_ID_BYTES = 12;

  /** Message classes (RFC 8489 §5: the C1 C0 bits). */
  public static final int CLASS_REQUEST = 0;

  public static final int CLASS_INDICATION = 1;
  public static final int CLASS_SUCCESS_RESPONSE = 2;
  public static final int CLASS_ERROR_RESPONSE = 3;

  /** The Binding method in each class (RFC 8489 §18.2). */
  public static final int METHOD_BINDING = 0x001;

  public static final int BINDING_REQUEST = 0x0001;
  public static final int BINDING_INDICATION = 0x0011;
  public static final int BINDING_SUCCESS_RESPONSE = 0x0101;
  public static final int BINDING_ERROR_RESPONSE = 0x0111;

  private static final int ABSENT = -1;

  private byte[] buf;
  private int off;
  private int len;
  private StunDrop error;
  private int type;

  // Absolute offsets of attribute values (or headers, where said), ABSENT when not present.
  private int username;
  private int usernameLength;
  private int integrityHeader;
  private int fingerprintHeader;
  private int xorMappedAddress;
  private int xorMappedAddressLength;
  private int errorCode;
  private int errorCodeLength;
  private int priority;
  private int controlling;
  private int controlled;
  private boolean useCandidate;
  private int unknownRequiredType;

  /**
   * Points this view at {@code buf[off, off + len)} and validates it.
   *
   * @return true if it is a well-formed STUN message; otherwise see {@link #error()}
   * @throws IndexOutOfBoundsException if the range is outside {@code buf} (a caller bug, not peer
   *     input)
   */
  public boolean wrap(byte[] buf, int off, int len) {
    Objects.checkFromIndexSize(off, len, buf.length);
    this.buf = buf;
    this.off = off;
    this.len = len;
    clearIndex();
    error = checkHeader();
    if (error == null) {
      error = indexAttributes();
    }
    return error == null;
  }

  /** Why the last {@link #wrap} failed, or null if it succeeded. */
  public StunDrop error() {
    return error;
  }

  private void clearIndex() {
    type = ABSENT;
    username = ABSENT;
    usernameLength = 0;
    integrityHeader = ABSENT;
    fingerprintHeader = ABSENT;
    xorMappedAddress = ABSENT;
    xorMappedAddressLength = 0;
    errorCode = ABSENT;
    errorCodeLength = 0;
    priority = ABSENT;
    controlling = ABSENT;
    controlled = ABSENT;
    useCandidate = false;
    unknownRequiredType = ABSENT;
  }

  private StunDrop checkHeader() {
    if (len < HEADER_BYTES) {
      return StunDrop.TOO_SHORT;
    }
    if ((buf[off] & 0xC0) != 0) {
      return StunDrop.NOT_STUN;
    }
    if (Bytes.int32(buf, off + 4) != MAGIC_COOKIE) {
      return StunDrop.BAD_MAGIC_COOKIE;
    }
    int bodyLength = Bytes.uint16(buf, off + 2);
    if ((bodyLength & 3) != 0) {
      return StunDrop.LENGTH_NOT_ALIGNED;
    }
    if (bodyLength != len - HEADER_BYTES) {
      return StunDrop.LENGTH_MISMATCH;
    }
    type = Bytes.uint16(buf, off);
    return null;
  }

  private StunDrop indexAttributes() {
    int end = off + len;
    int at = off + HEADER_BYTES;
    while (at < end) {
      if (fingerprintHeader != ABSENT) {
        return StunDrop.FINGERPRINT_NOT_LAST;
      }
      if (end - at < StunAttribute.HEADER_BYTES) {
        return StunDrop.ATTRIBUTE_OVERRUN;
      }
      int attrType = Bytes.uint16(buf, at);
      int valueLength = Bytes.uint16(buf, at + 2);
      int value = at + StunAttribute.HEADER_BYTES;
      if (StunAttribute.padded(valueLength) > end - value) {
        return StunDrop.ATTRIBUTE_OVERRUN;
      }
      if (attrType == StunAttribute.FINGERPRINT) {
        if (valueLength != Fingerprint.VALUE_BYTES) {
          return StunDrop.MALFORMED_ATTRIBUTE;
        }
        fingerprintHeader = at;
      } else if (integrityHeader == ABSENT && !indexAttribute(at, attrType, value, valueLength)) {
        return StunDrop.MALFORMED_ATTRIBUTE;
      }
      at = value + StunAttribute.padded(valueLength);
    }
    return null;
  }

  /** Records one attribute before MESSAGE-INTEGRITY; false if its length or contents are bad. */
  private boolean indexAttribute(int header, int attrType, int value, int valueLength) {
    switch (attrType) {
      case StunAttribute.USERNAME:
        if (valueLength > StunAttribute.MAX_USERNAME_BYTES) {
          return false;
        }
        if (username == ABSENT) {
          username = value;
          usernameLength = valueLength;
        }
        return true;
      case StunAttribute.MESSAGE_INTEGRITY:
        integrityHeader = header;
        return valueLength == MessageIntegrity.VALUE_BYTES;
      case StunAttribute.ERROR_CODE:
        if (valueLength < ErrorCode.FIXED_BYTES
            || valueLength > ErrorCode.FIXED_BYTES + StunAttribute.MAX_REASON_BYTES
            || !ErrorCode.isValid(buf, value)) {
          return false;
        }
        if (errorCode == ABSENT) {
          errorCode = value;
          errorCodeLength = valueLength;
        }
        return true;
      case StunAttribute.XOR_MAPPED_ADDRESS:
        if (!XorMappedAddress.isWellFormed(buf, value, valueLength)) {
          return false;
        }
        if (xorMappedAddress == ABSENT) {
          xorMappedAddress = value;
          xorMappedAddressLength = valueLength;
        }
        return true;
      case StunAttribute.PRIORITY:
        priority = priority == ABSENT ? value : priority;
        return valueLength == 4;
      case StunAttribute.USE_CANDIDATE:
        useCandidate = true;
        return valueLength == 0;
      case StunAttribute.ICE_CONTROLLED:
        controlled = controlled == ABSENT ? value : controlled;
        return valueLength == 8;
      case StunAttribute.ICE_CONTROLLING:
        controlling = controlling == ABSENT ? value : controlling;
        return valueLength == 8;
      default:
        if (unknownRequiredType == ABSENT && isUnknownRequired(attrType)) {
          unknownRequiredType = attrType;
        }
        return true;
    }
  }

  /** Comprehension-required types this view does not interpret (RFC 8489 §6.3.1: 420). */
  private static boolean isUnknownRequired(int attrType) {
    return StunAttribute.isComprehensionRequired(attrType)
        && attrType != StunAttribute.MAPPED_ADDRESS
        && attrType != StunAttribute.MESSAGE_INTEGRITY_SHA256;
  }

  // ---- header ----

  public byte[] buffer() {
    return buf;
  }

  public int offset() {
    return off;
  }

  public int length() {
    return len;
  }

  /** The 14-bit message type, e.g. {@link #BINDING_REQUEST}. */
  public int type() {
    return type;
  }

  /** The 12-bit method: M11..M0 interleaved with the class bits (RFC 8489 §5). */
  public int method() {
    return (type & 0x000F) | ((type & 0x00E0) >> 1) | ((type & 0x3E00) >> 2);
  }

  /** One of the CLASS_ constants: C1 is bit 8, C0 bit 4 of the type. */
  public int messageClass() {
    return ((type >> 7) & 0b10) | ((type >> 4) & 0b01);
  }

  public int transactionIdOffset() {
    return off + TRANSACTION_ID_OFFSET;
  }

  // ---- attribute walk (valid after a successful wrap) ----

  /** Offset of the first attribute header, or -1 if there is none. */
  public int firstAttribute() {
    return len > HEADER_BYTES ? off + HEADER_BYTES : ABSENT;
  }

  /** Offset of the attribute header after the one at {@code at}, or -1 at the end. */
  public int nextAttribute(int at) {
    int next = at + StunAttribute.HEADER_BYTES + StunAttribute.padded(attributeLength(at));
    return next < off + len ? next : ABSENT;
  }

  public int attributeType(int at) {
    return Bytes.uint16(buf, at);
  }

  public int attributeLength(int at) {
    return Bytes.uint16(buf, at + 2);
  }

  public int attributeValue(int at) {
    return at + StunAttribute.HEADER_BYTES;
  }

  // ---- the attributes ICE uses ----

  /** Offset of the USERNAME value, or -1. */
  public int usernameOffset() {
    return username;
  }

  public int usernameLength() {
    return usernameLength;
  }

  public boolean hasMessageIntegrity() {
    return integrityHeader != ABSENT;
  }

  /** Offset of the MESSAGE-INTEGRITY attribute header, or -1. */
  public int messageIntegrityOffset() {
    return integrityHeader;
  }

  public boolean hasFingerprint() {
    return fingerprintHeader != ABSENT;
  }

  /** Offset of the FINGERPRINT attribute header, or -1. */
  public int fingerprintOffset() {
    return fingerprintHeader;
  }

  /** Offset of the XOR-MAPPED-ADDRESS value (see {@link XorMappedAddress}), or -1. */
  public int xorMappedAddressOffset() {
    return xorMappedAddress;
  }

  public int xorMappedAddressLength() {
    return xorMappedAddressLength;
  }

  /** Offset of the ERROR-CODE value (see {@link ErrorCode}), or -1. */
  public int errorCodeOffset() {
    return errorCode;
  }

  public int errorCodeLength() {
    return errorCodeLength;
  }

  public boolean hasPriority() {
    return priority != ABSENT;
  }

  /** PRIORITY, an unsigned 32-bit value; meaningful only if {@link #hasPriority()}. */
  public int priority() {
    return priority == ABSENT ? 0 : Bytes.int32(buf, priority);
  }

  public boolean useCandidate() {
    return useCandidate;
  }

  public boolean hasIceControlling() {
    return controlling != ABSENT;
  }

  /** The ICE-CONTROLLING tiebreaker, unsigned 64-bit; meaningful only if present. */
  public long iceControlling() {
    return controlling == ABSENT ? 0 : Bytes.int64(buf, controlling);
  }

  public boolean hasIceControlled() {
    return controlled != ABSENT;
  }

  /** The ICE-CONTROLLED tiebreaker, unsigned 64-bit; meaningful only if present. */
  public long iceControlled() {
    return controlled == ABSENT ? 0 : Bytes.int64(buf, controlled);
  }

  /** The first comprehension-required type this view does not interpret, or -1. */
  public int unknownComprehensionRequired() {
    return unknownRequiredType;
  }
}
