package dev.sfumato.engine.rtp;

/**
 * Transport-wide sequence number, draft-holmer-rmcat-transport-wide-cc-extensions-01 §2: a 16-bit
 * counter over every packet of the transport, echoed back in transport-cc feedback. The SFU
 * rewrites it per outgoing transport.
 *
 * <pre>
 *  0                   1                   2
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  ID   | L=1   |transport-wide sequence number |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class TransportCcExtension {

  public static final int LENGTH = 2;

  private TransportCcExtension() {}

  /** The sequence number in extension {@code id}, or -1 if absent or not 2 bytes. */
  public static int read(RtpPacket packet, int id) {
    int at = packet.findExtension(id);
    if (at < 0 || packet.foundExtensionLength() != LENGTH) {
      return -1;
    }
    return Bytes.u16(packet.buffer(), at);
  }

  /** Rewrites an existing 2-byte element in place; false if absent or of another length. */
  public static boolean write(RtpPacket packet, int id, int sequenceNumber) {
    int at = packet.findExtension(id);
    if (at < 0 || packet.foundExtensionLength() != LENGTH) {
      return false;
    }
    Bytes.put16(packet.buffer(), at, sequenceNumber);
    return true;
  }
}
