package dev.sfumato.engine.rtp;

/**
 * RFC 4588 §4 retransmission payload format, done in place: the RTX payload is the original
 * sequence number (OSN) followed by the original payload.
 *
 * <pre>
 *  0                   1                   2                   3
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         RTP Header                            |
 * |            OSN                |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               |
 * |                  Original RTP Packet Payload                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Payload and padding move by two bytes; the header (CSRCs and extensions) stays, as §4 requires
 * the RTX header to carry the original's extensions.
 */
public final class Rtx {

  public static final int OSN_LENGTH = 2;

  private Rtx() {}

  /**
   * Turns the packet into its RTX form. Needs two bytes of tailroom in the buffer.
   *
   * @return false (packet untouched) without tailroom
   */
  public static boolean wrap(RtpPacket packet, int rtxPayloadType, long rtxSsrc, int rtxSequence) {
    byte[] buf = packet.buffer();
    int end = packet.offset() + packet.length();
    if (buf.length - end < OSN_LENGTH) {
      return false;
    }
    int payload = packet.payloadOffset();
    int osn = packet.sequenceNumber();
    System.arraycopy(buf, payload, buf, payload + OSN_LENGTH, end - payload);
    Bytes.put16(buf, payload, osn);
    packet.setPayloadType(rtxPayloadType);
    packet.setSsrc(rtxSsrc);
    packet.setSequenceNumber(rtxSequence);
    return packet.setLength(packet.length() + OSN_LENGTH);
  }

  /**
   * Restores the original packet from its RTX form.
   *
   * @return the original sequence number, or -1 (packet untouched) if the payload has no OSN, as in
   *     the padding-only RTX packets senders use as bandwidth probes
   */
  public static int unwrap(RtpPacket packet, int originalPayloadType, long originalSsrc) {
    if (packet.payloadLength() < OSN_LENGTH) {
      return -1;
    }
    byte[] buf = packet.buffer();
    int end = packet.offset() + packet.length();
    int payload = packet.payloadOffset();
    int osn = Bytes.u16(buf, payload);
    System.arraycopy(buf, payload + OSN_LENGTH, buf, payload, end - payload - OSN_LENGTH);
    packet.setPayloadType(originalPayloadType);
    packet.setSsrc(originalSsrc);
    packet.setSequenceNumber(osn);
    packet.setLength(packet.length() - OSN_LENGTH);
    return osn;
  }
}
