package dev.sfumato.engine.stun;

/**
 * XOR-MAPPED-ADDRESS, RFC 8489 §14.2: the reflexive transport address, obfuscated so that NATs
 * rewriting addresses they find in payloads leave it alone.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0 0 0 0 0 0 0 0|    Family     |         X-Port                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                X-Address (Variable)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * X-Port is the port XOR the cookie's top 16 bits; an IPv4 X-Address is XOR the cookie, an IPv6 one
 * XOR the cookie followed by the transaction ID.
 */
public final class XorMappedAddress {

  public static final int FAMILY_IPV4 = 0x01;
  public static final int FAMILY_IPV6 = 0x02;

  private XorMappedAddress() {}

  /** Attribute size with header for a 4- or 16-byte address: 12 or 24. */
  public static int encodedSize(int addressBytes) {
    return StunAttribute.HEADER_BYTES + 4 + addressBytes;
  }

  /**
   * Writes the attribute at {@code at} for a message whose header (cookie and transaction ID
   * already in place) starts at {@code messageOffset}.
   *
   * @param address 4 (IPv4) or 16 (IPv6) bytes in network order
   * @return the offset after the attribute
   */
  public static int encode(byte[] buf, int at, int messageOffset, byte[] address, int port) {
    int n = address.length;
    Bytes.put16(buf, at, StunAttribute.XOR_MAPPED_ADDRESS);
    Bytes.put16(buf, at + 2, 4 + n);
    buf[at + 4] = 0;
    buf[at + 5] = (byte) (n == 4 ? FAMILY_IPV4 : FAMILY_IPV6);
    Bytes.put16(buf, at + 6, port ^ (StunMessage.MAGIC_COOKIE >>> 16));
    int mask = messageOffset + 4; // cookie, then transaction ID: 16 bytes of mask for IPv6
    for (int i = 0; i < n; i++) {
      buf[at + 8 + i] = (byte) (address[i] ^ buf[mask + i]);
    }
    return at + 8 + n;
  }

  /** True if the value at {@code value} has a known family and the matching length. */
  static boolean isWellFormed(byte[] buf, int value, int valueLength) {
    if (valueLength < 4) {
      return false;
    }
    int family = buf[value + 1] & 0xFF;
    return (family == FAMILY_IPV4 && valueLength == 8)
        || (family == FAMILY_IPV6 && valueLength == 20);
  }

  /** The family byte of the value at {@code value}. */
  public static int family(byte[] buf, int value) {
    return buf[value + 1] & 0xFF;
  }

  public static int port(byte[] buf, int value) {
    return Bytes.uint16(buf, value + 2) ^ (StunMessage.MAGIC_COOKIE >>> 16);
  }

  /**
   * Copies the de-obfuscated address into {@code dst[dstOff...]}.
   *
   * @return the address length, 4 or 16
   */
  public static int address(byte[] buf, int value, int messageOffset, byte[] dst, int dstOff) {
    int n = family(buf, value) == FAMILY_IPV4 ? 4 : 16;
    int mask = messageOffset + 4;
    for (int i = 0; i < n; i++) {
      dst[dstOff + i] = (byte) (buf[value + 4 + i] ^ buf[mask + i]);
    }
    return n;
  }
}
