package dev.sfumato.engine.sctp;

import java.nio.charset.StandardCharsets;

/**
 * Data Channel Establishment Protocol messages (RFC 8832 §5), carried with PPID 50.
 *
 * <pre>
 * DATA_CHANNEL_OPEN (0x03):
 * |  Message Type |  Channel Type |            Priority           |
 * |                    Reliability Parameter                      |
 * |         Label Length          |       Protocol Length         |
 * \                             Label                             \
 * \                            Protocol                           \
 * DATA_CHANNEL_ACK (0x02):
 * |  Message Type |
 * </pre>
 *
 * Control plane (once per channel), so decoding returns a record; malformed input returns null.
 */
public record DcepMessage(
    int messageType,
    ChannelType channelType,
    int priority,
    long reliabilityParameter,
    String label,
    String protocol) {

  public static final int PPID_DCEP = 50;
  public static final int PPID_STRING = 51;
  public static final int PPID_BINARY = 53;
  public static final int PPID_STRING_EMPTY = 56;
  public static final int PPID_BINARY_EMPTY = 57;

  public static final int OPEN = 0x03;
  public static final int ACK = 0x02;
  static final int OPEN_HEADER = 12;

  public static DcepMessage ack() {
    return new DcepMessage(ACK, null, 0, 0, "", "");
  }

  public static DcepMessage open(
      ChannelType type, int priority, long reliability, String label, String protocol) {
    return new DcepMessage(OPEN, type, priority, reliability, label, protocol);
  }

  /** Decodes an OPEN or ACK; null for anything malformed or unknown. */
  public static DcepMessage decode(byte[] buf, int off, int len) {
    if (!Be.inBounds(buf, off, len) || len < 1) {
      return null;
    }
    int type = Be.u8(buf, off);
    if (type == ACK) {
      return ack();
    }
    if (type != OPEN || len < OPEN_HEADER) {
      return null;
    }
    ChannelType ct = ChannelType.of(Be.u8(buf, off + 1));
    int labelLen = Be.u16(buf, off + 8);
    int protocolLen = Be.u16(buf, off + 10);
    if (ct == null || OPEN_HEADER + labelLen + protocolLen > len) {
      return null;
    }
    String label = new String(buf, off + OPEN_HEADER, labelLen, StandardCharsets.UTF_8);
    String protocol =
        new String(buf, off + OPEN_HEADER + labelLen, protocolLen, StandardCharsets.UTF_8);
    return new DcepMessage(
        OPEN, ct, Be.u16(buf, off + 2), Be.i32(buf, off + 4) & 0xFFFFFFFFL, label, protocol);
  }

  public byte[] encode() {
    if (messageType == ACK) {
      return new byte[] {ACK};
    }
    byte[] l = label.getBytes(StandardCharsets.UTF_8);
    byte[] p = protocol.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[OPEN_HEADER + l.length + p.length];
    out[0] = OPEN;
    out[1] = (byte) channelType.code;
    Be.put16(out, 2, priority);
    Be.put32(out, 4, (int) reliabilityParameter);
    Be.put16(out, 8, l.length);
    Be.put16(out, 10, p.length);
    System.arraycopy(l, 0, out, OPEN_HEADER, l.length);
    System.arraycopy(p, 0, out, OPEN_HEADER + l.length, p.length);
    return out;
  }
}
