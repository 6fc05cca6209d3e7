package dev.sfumato.engine.stun;

import java.util.Objects;

/**
 * Builds a STUN message (RFC 8489 §5, §14) into a caller's buffer, attribute by attribute, keeping
 * the header's length field current. Attributes go in call order: MESSAGE-INTEGRITY and then
 * FINGERPRINT must be the last two (§14.5, §14.7).
 *
 * <p>A re-pointable builder with no allocation. If an attribute does not fit in the capacity given
 * to {@link #begin}, nothing more is written and {@link #finish()} returns -1; callers size their
 * buffers with the {@code encodedSize} methods so this is a guard, not a control path. The output
 * must not overlap the request it answers.
 */
public final class StunWriter {

  private byte[] buf;
  private int start;
  private int pos;
  private int limit;
  private boolean overflow;

  /** Size of a Binding success response: XOR-MAPPED-ADDRESS, MESSAGE-INTEGRITY, FINGERPRINT. */
  public static int bindingSuccessSize(int addressBytes) {
    return StunMessage.HEADER_BYTES
        + XorMappedAddress.encodedSize(addressBytes)
        + MessageIntegrity.ENCODED_SIZE
        + Fingerprint.ENCODED_SIZE;
  }

  /** Size of a Binding error response: ERROR-CODE, [MESSAGE-INTEGRITY], FINGERPRINT. */
  public static int bindingErrorSize(int code, boolean withIntegrity) {
    return StunMessage.HEADER_BYTES
        + ErrorCode.encodedSizeOf(code)
        + (withIntegrity ? MessageIntegrity.ENCODED_SIZE : 0)
        + Fingerprint.ENCODED_SIZE;
  }

  /**
   * Answers {@code request} with a Binding success response carrying the source address it came
   * from (RFC 8489 §7.3.1.1), signed with {@code key} (RFC 8445 §7.3.1.3: the same short-term
   * password the request used) and fingerprinted.
   *
   * @param address 4 or 16 bytes: the request's source address
   * @return the response length, or -1 if {@code capacity} is too small
   */
  public int bindingSuccess(
      byte[] out,
      int off,
      int capacity,
      StunMessage request,
      byte[] address,
      int port,
      MessageIntegrity key,
      Fingerprint fingerprint) {
    return begin(out, off, capacity, StunMessage.BINDING_SUCCESS_RESPONSE, request)
        .xorMappedAddress(address, port)
        .messageIntegrity(key)
        .fingerprint(fingerprint)
        .finish();
  }

  /**
   * Answers {@code request} with a Binding error response: 400 and 401 unsigned (RFC 8489 §9.1.3:
   * the request could not be authenticated), 487 signed with {@code key} (RFC 8445 §7.3.1.1).
   *
   * @param key the short-term key, or null for an unsigned response
   * @return the response length, or -1 if {@code capacity} is too small
   */
  public int bindingError(
      byte[] out,
      int off,
      int capacity,
      StunMessage request,
      int code,
      MessageIntegrity key,
      Fingerprint fingerprint) {
    begin(out, off, capacity, StunMessage.BINDING_ERROR_RESPONSE, request).errorCode(code);
    if (key != null) {
      messageIntegrity(key);
    }
    return fingerprint(fingerprint).finish();
  }

  /** Starts a response to {@code request}: same transaction ID (RFC 8489 §6.3). */
  public StunWriter begin(byte[] out, int off, int capacity, int type, StunMessage request) {
    return begin(out, off, capacity, type, request.buffer(), request.transactionIdOffset());
  }

  /** Starts a message of {@code type} with the 12-byte transaction ID at {@code txId[txOff]}. */
  public StunWriter begin(byte[] out, int off, int capacity, int type, byte[] txId, int txOff) {
    Objects.checkFromIndexSize(off, capacity, out.length);
    buf = out;
    start = off;
    pos = off;
    limit = off + capacity;
    overflow = false;
    if (room(StunMessage.HEADER_BYTES)) {
      Bytes.put16(out, off, type & 0x3FFF);
      Bytes.put16(out, off + 2, 0);
      Bytes.put32(out, off + 4, StunMessage.MAGIC_COOKIE);
      System.arraycopy(
          txId,
          txOff,
          out,
          off + StunMessage.TRANSACTION_ID_OFFSET,
          StunMessage.TRANSACTION_ID_BYTES);
      pos = off + StunMessage.HEADER_BYTES;
    }
    return this;
  }

  public StunWriter username(byte[] src, int srcOff, int n) {
    if (n > StunAttribute.MAX_USERNAME_BYTES) {
      throw new IllegalArgumentException("USERNAME over 513 bytes: " + n);
    }
    return opaque(StunAttribute.USERNAME, src, srcOff, n);
  }

  private StunWriter opaque(int type, byte[] src, int srcOff, int n) {
    if (room(StunAttribute.HEADER_BYTES + StunAttribute.padded(n))) {
      attributeHeader(type, n);
      System.arraycopy(src, srcOff, buf, pos, n);
      Bytes.zeroPadding(buf, pos + n, n);
      advance(StunAttribute.padded(n));
    }
    return this;
  }

  /** SOFTWARE (RFC 8489 §14.14): a description of the agent, at most 763 bytes of UTF-8. */
  public StunWriter software(byte[] src, int srcOff, int n) {
    if (n > StunAttribute.MAX_REASON_BYTES) {
      throw new IllegalArgumentException("SOFTWARE over 763 bytes: " + n);
    }
    return opaque(StunAttribute.SOFTWARE, src, srcOff, n);
  }

  public StunWriter priority(int priority) {
    if (room(8)) {
      attributeHeader(StunAttribute.PRIORITY, 4);
      Bytes.put32(buf, pos, priority);
      advance(4);
    }
    return this;
  }

  public StunWriter useCandidate() {
    if (room(StunAttribute.HEADER_BYTES)) {
      attributeHeader(StunAttribute.USE_CANDIDATE, 0);
      advance(0);
    }
    return this;
  }

  public StunWriter iceControlling(long tieBreaker) {
    return tieBreaker(StunAttribute.ICE_CONTROLLING, tieBreaker);
  }

  public StunWriter iceControlled(long tieBreaker) {
    return tieBreaker(StunAttribute.ICE_CONTROLLED, tieBreaker);
  }

  private StunWriter tieBreaker(int type, long tieBreaker) {
    if (room(12)) {
      attributeHeader(type, 8);
      Bytes.put64(buf, pos, tieBreaker);
      advance(8);
    }
    return this;
  }

  /** The header (cookie and transaction ID) must be written: the address is XORed with it. */
  public StunWriter xorMappedAddress(byte[] address, int port) {
    if (address.length != 4 && address.length != 16) {
      throw new IllegalArgumentException("an IP address is 4 or 16 bytes: " + address.length);
    }
    if (room(XorMappedAddress.encodedSize(address.length))) {
      pos = XorMappedAddress.encode(buf, pos, start, address, port);
      updateLength();
    }
    return this;
  }

  public StunWriter errorCode(int code) {
    if (room(ErrorCode.encodedSizeOf(code))) {
      pos = ErrorCode.encode(buf, pos, code);
      updateLength();
    }
    return this;
  }

  public StunWriter messageIntegrity(MessageIntegrity key) {
    if (room(MessageIntegrity.ENCODED_SIZE)) {
      pos = key.encode(buf, start, pos);
    }
    return this;
  }

  public StunWriter fingerprint(Fingerprint fingerprint) {
    if (room(Fingerprint.ENCODED_SIZE)) {
      pos = fingerprint.encode(buf, start, pos);
    }
    return this;
  }

  /** The message length, or -1 if something did not fit. */
  public int finish() {
    return overflow ? -1 : pos - start;
  }

  private boolean room(int n) {
    if (overflow || limit - pos < n) {
      overflow = true;
      return false;
    }
    return true;
  }

  private void attributeHeader(int type, int valueLength) {
    Bytes.put16(buf, pos, type);
    Bytes.put16(buf, pos + 2, valueLength);
    pos += StunAttribute.HEADER_BYTES;
  }

  private void advance(int paddedValueLength) {
    pos += paddedValueLength;
    updateLength();
  }

  private void updateLength() {
    Bytes.put16(buf, start + 2, pos - start - StunMessage.HEADER_BYTES);
  }
}
