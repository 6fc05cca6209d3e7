package dev.sfumato.engine.sctp;

/**
 * One chunk of RFC 9260 §3.2 as a reusable, mutable value: {@link #decode} fills it from the bytes
 * of one chunk (header included, unpadded length), {@link #encode} writes it back, and {@link
 * #encodedSize} is the unpadded length {@code encode} writes. Decoders keep views into the input
 * array (payloads, cookies) that are valid only as long as that array is.
 *
 * <pre>
 *  0                   1                   2                   3
 * |   Chunk Type  | Chunk  Flags  |        Chunk Length           |
 * \                          Chunk Value                          \
 * </pre>
 */
public interface SctpChunk {

  int HEADER_LENGTH = 4;

  /** The chunk type this value encodes (one of {@link ChunkType}). */
  int type();

  SctpStatus decode(byte[] buf, int off, int len);

  /** Writes the chunk at {@code off} (the caller has {@link #encodedSize} padded to 4 bytes). */
  int encode(byte[] buf, int off);

  int encodedSize();

  /** Writes the 4-byte chunk header. */
  static void writeHeader(byte[] buf, int off, int type, int flags, int length) {
    buf[off] = (byte) type;
    buf[off + 1] = (byte) flags;
    Be.put16(buf, off + 2, length);
  }
}
