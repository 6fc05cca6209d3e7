package dev.sfumato.engine.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Fuzz target for the chunk codec: any bytes after a valid common header walk as chunks that stay
 * inside the packet, every chunk decoder either refuses or decodes, and whatever decodes re-encodes
 * to a chunk that decodes to the same encoding (decode/encode/encodedSize mirror each other).
 * Corpus under {@code
 * src/test/resources/dev/sfumato/engine/sctp/SctpChunkFuzzTestInputs/chunksRoundTrip/}.
 */
class SctpChunkFuzzTest {

  private final CRC32C crc = new CRC32C();
  private final SctpPacket packet = new SctpPacket();
  private final SctpChunk[] decoders = {
    new DataChunk(), new InitChunk(), new SackChunk(), new HeartbeatChunk(),
    new ErrorCauseChunk(), new ShutdownChunk(), new BareChunk(), new CookieEchoChunk(),
    new ForwardTsnChunk(), new ReconfigChunk()
  };
  private final SctpChunk[] again = {
    new DataChunk(), new InitChunk(), new SackChunk(), new HeartbeatChunk(),
    new ErrorCauseChunk(), new ShutdownChunk(), new BareChunk(), new CookieEchoChunk(),
    new ForwardTsnChunk(), new ReconfigChunk()
  };

  @FuzzTest
  void chunksRoundTrip(byte[] data) {
    byte[] buf = new byte[SctpPacket.HEADER_LENGTH + data.length + 3];
    SctpPacket.writeHeader(buf, 3, 5000, 5000, 1);
    System.arraycopy(data, 0, buf, 3 + SctpPacket.HEADER_LENGTH, data.length);
    int len = SctpPacket.HEADER_LENGTH + data.length;
    SctpPacket.seal(crc, buf, 3, len);
    assertThat(packet.wrap(buf, 3, len)).isEqualTo(SctpStatus.OK);
    int walked = 0;
    while (packet.nextChunk()) {
      assertThat(packet.chunkOffset() + packet.chunkLength()).isLessThanOrEqualTo(3 + len);
      for (int i = 0; i < decoders.length; i++) {
        roundTrip(decoders[i], again[i], buf, packet.chunkOffset(), packet.chunkLength());
      }
      walked++;
    }
    assertThat(walked).isLessThanOrEqualTo(data.length / 4);
    // a corrupted checksum never passes
    buf[3 + 8] ^= 1;
    assertThat(packet.wrap(buf, 3, len)).isEqualTo(SctpStatus.BAD_CHECKSUM);
  }

  private static void roundTrip(SctpChunk d, SctpChunk e, byte[] buf, int off, int len) {
    if (d.decode(buf, off, len) != SctpStatus.OK) {
      return;
    }
    int size = d.encodedSize();
    assertThat(size).isGreaterThanOrEqualTo(SctpChunk.HEADER_LENGTH);
    byte[] first = new byte[Be.pad4(size) + 8];
    assertThat(d.encode(first, 0)).isEqualTo(size);
    assertThat(e.decode(first, 0, size)).isEqualTo(SctpStatus.OK);
    byte[] second = new byte[Be.pad4(e.encodedSize()) + 8];
    assertThat(e.encode(second, 0)).isEqualTo(e.encodedSize());
    assertThat(Arrays.copyOf(second, e.encodedSize())).isEqualTo(Arrays.copyOf(first, size));
  }
}
