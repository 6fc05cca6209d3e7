package dev.sfumato.engine.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32C;

/**
 * Fuzz target for an established association: a sequence of packets whose chunks come from the
 * fuzzer, sent with the right ports, tag and CRC32c (so they reach the chunk handlers, not just the
 * checksum check), with clock steps and timer runs between and sends from our side. Properties:
 * nothing throws, every packet we emit is a valid SCTP packet no larger than the MTU, and buffered
 * bytes stay within the send buffer limit. Corpus under {@code
 * src/test/resources/dev/sfumato/engine/sctp/SctpAssociationFuzzTestInputs/packets/}.
 */
class SctpAssociationFuzzTest {

  private static final int PEER_TAG = 0x01020304;

  private long now = 1_000_000_000L;
  private final CRC32C crc = new CRC32C();
  private final SctpPacket check = new SctpPacket();
  private byte[] lastEmitted;

  @FuzzTest
  void packets(FuzzedDataProvider data) {
    SctpConfig config =
        SctpConfig.webRtc().withSendBufferLimit(64 * 1024).withMaxMessageSize(16 * 1024);
    LossyLink.Recorder events = new LossyLink.Recorder();
    SctpAssociation a =
        new SctpAssociation(config, this::emitted, events, () -> now, new Random(3));
    int localTag = establish(a);
    int rounds = data.consumeInt(1, 24);
    for (int r = 0; r < rounds && data.remainingBytes() > 0; r++) {
      switch (data.consumeInt(0, 3)) {
        case 0:
          a.send(
              data.consumeInt(0, 8),
              53,
              new byte[data.consumeInt(0, 5000)],
              new SendOptions(data.consumeBoolean(), data.consumeInt(-1, 2), -1));
          break;
        case 1:
          now += data.consumeLong(0, 5_000_000_000L);
          a.onTimer(now);
          break;
        default:
          byte[] chunks = data.consumeBytes(data.consumeInt(0, 1188));
          byte[] p = new byte[SctpPacket.HEADER_LENGTH + chunks.length];
          SctpPacket.writeHeader(p, 0, 5000, 5000, data.consumeInt(0, 9) == 0 ? 0 : localTag);
          System.arraycopy(chunks, 0, p, SctpPacket.HEADER_LENGTH, chunks.length);
          SctpPacket.seal(crc, p, 0, p.length);
          a.receive(p, 0, p.length);
      }
      assertThat(a.bufferedAmount()).isBetween(0L, 64L * 1024);
    }
  }

  private void emitted(byte[] buf, int off, int len) {
    assertThat(len).isLessThanOrEqualTo(1200);
    assertThat(check.wrap(buf, off, len)).isEqualTo(SctpStatus.OK);
    while (check.nextChunk()) {
      assertThat(check.chunkLength()).isGreaterThanOrEqualTo(SctpChunk.HEADER_LENGTH);
    }
    assertThat(check.status()).isEqualTo(SctpStatus.OK);
    lastEmitted = Arrays.copyOfRange(buf, off, off + len);
  }

  /** Runs the peer's half of §5.1 by hand and returns our tag. */
  private int establish(SctpAssociation a) {
    InitChunk init = new InitChunk();
    init.initiateTag = PEER_TAG;
    init.aRwnd = 1 << 16;
    init.outboundStreams = 16;
    init.inboundStreams = 16;
    init.initialTsn = 77;
    init.forwardTsnSupported = true;
    byte[] ip = packet(0, init);
    a.receive(ip, 0, ip.length);
    byte[] ack = lastEmitted;
    SctpPacket p = new SctpPacket();
    p.wrap(ack, 0, ack.length);
    p.nextChunk();
    InitChunk ia = new InitChunk();
    ia.decode(ack, p.chunkOffset(), p.chunkLength());
    CookieEchoChunk echo = new CookieEchoChunk();
    echo.cookie = Arrays.copyOfRange(ia.cookie, ia.cookieOffset, ia.cookieOffset + ia.cookieLength);
    echo.cookieLength = ia.cookieLength;
    byte[] ep = packet(ia.initiateTag, echo);
    a.receive(ep, 0, ep.length);
    assertThat(a.state()).isEqualTo(SctpState.ESTABLISHED);
    return ia.initiateTag;
  }

  private byte[] packet(int tag, SctpChunk c) {
    byte[] buf = new byte[SctpPacket.HEADER_LENGTH + Be.pad4(c.encodedSize())];
    SctpPacket.writeHeader(buf, 0, 5000, 5000, tag);
    c.encode(buf, SctpPacket.HEADER_LENGTH);
    SctpPacket.seal(crc, buf, 0, buf.length);
    return buf;
  }
}
