package dev.sfumato.engine.sctp;

import java.util.zip.CRC32C;

/**
 * Bundles chunks into one outgoing packet of at most the path MTU (RFC 9260 §6.10) and hands it to
 * the {@link SctpOutput} with its CRC32c. One reusable buffer per association: nothing is allocated
 * per packet.
 */
final class PacketWriter {

  private final byte[] buf;
  private final int mtu;
  private final SctpOutput output;
  private final CRC32C crc = new CRC32C();
  private int srcPort;
  private int dstPort;
  private int tag;
  private int pos;
  private long packetsSent;

  PacketWriter(int mtu, SctpOutput output) {
    this.mtu = mtu;
    this.buf = new byte[mtu + 4];
    this.output = output;
  }

  void ports(int src, int dst) {
    this.srcPort = src;
    this.dstPort = dst;
  }

  /** Sets the verification tag of the packets to come; flushes a packet that used another tag. */
  void tag(int verificationTag) {
    if (verificationTag != tag && hasChunks()) {
      flush();
    }
    tag = verificationTag;
  }

  boolean hasChunks() {
    return pos > SctpPacket.HEADER_LENGTH;
  }

  /** Bytes still free for chunks in the current packet (an empty one when none is open). */
  int room() {
    return mtu - (pos == 0 ? SctpPacket.HEADER_LENGTH : pos);
  }

  /** The largest chunk any packet can carry. */
  int maxChunk() {
    return mtu - SctpPacket.HEADER_LENGTH;
  }

  /** Adds a chunk, first flushing the open packet if it does not fit. */
  void add(SctpChunk chunk) {
    int size = Be.pad4(chunk.encodedSize());
    if (pos != 0 && size > mtu - pos) {
      flush();
    }
    if (pos == 0) {
      SctpPacket.writeHeader(buf, 0, srcPort, dstPort, tag);
      pos = SctpPacket.HEADER_LENGTH;
    }
    int len = chunk.encode(buf, pos);
    for (int i = pos + len; i < pos + size; i++) {
      buf[i] = 0;
    }
    pos += size;
  }

  void flush() {
    if (!hasChunks()) {
      pos = 0;
      return;
    }
    int len = pos;
    pos = 0;
    SctpPacket.seal(crc, buf, 0, len);
    packetsSent++;
    output.send(buf, 0, len);
  }

  long packetsSent() {
    return packetsSent;
  }
}
