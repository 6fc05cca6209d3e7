package dev.sfumato.engine.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/** RFC 9260 §5.1 setup seen from the wire: stateless INIT handling and cookie verification. */
class SctpHandshakeTest {

  private static final int PEER_TAG = 0x0badcafe;

  private long now = 5_000_000_000L;
  private final List<byte[]> out = new ArrayList<>();
  private final LossyLink.Recorder events = new LossyLink.Recorder();
  private final SctpAssociation assoc =
      new SctpAssociation(
          SctpConfig.webRtc(),
          (b, o, l) -> out.add(Arrays.copyOfRange(b, o, o + l)),
          events,
          () -> now,
          new Random(1));
  private final CRC32C crc = new CRC32C();

  private byte[] packet(int tag, SctpChunk... chunks) {
    byte[] buf = new byte[1200];
    SctpPacket.writeHeader(buf, 0, 5000, 5000, tag);
    int at = SctpPacket.HEADER_LENGTH;
    for (SctpChunk c : chunks) {
      c.encode(buf, at);
      at += Be.pad4(c.encodedSize());
    }
    SctpPacket.seal(crc, buf, 0, at);
    return Arrays.copyOf(buf, at);
  }

  private byte[] peerInit() {
    InitChunk i = new InitChunk();
    i.initiateTag = PEER_TAG;
    i.aRwnd = 1 << 20;
    i.outboundStreams = 1024;
    i.inboundStreams = 1024;
    i.initialTsn = 1000;
    i.forwardTsnSupported = true;
    return packet(0, i);
  }

  /** Sends an INIT and returns the INIT ACK's cookie and our tag. */
  private InitChunk initAck() {
    out.clear();
    byte[] init = peerInit();
    assoc.receive(init, 0, init.length);
    assertThat(out).hasSize(1);
    SctpPacket p = new SctpPacket();
    byte[] ack = out.get(0);
    assertThat(p.wrap(ack, 0, ack.length)).isEqualTo(SctpStatus.OK);
    assertThat(p.verificationTag()).isEqualTo(PEER_TAG);
    assertThat(p.nextChunk()).isTrue();
    InitChunk i = new InitChunk();
    assertThat(i.decode(ack, p.chunkOffset(), p.chunkLength())).isEqualTo(SctpStatus.OK);
    assertThat(i.ack).isTrue();
    assertThat(i.forwardTsnSupported).isTrue();
    assertThat(i.supportsExtension(ChunkType.RE_CONFIG)).isTrue();
    out.clear();
    return i;
  }

  private byte[] echo(int tag, byte[] cookie) {
    CookieEchoChunk e = new CookieEchoChunk();
    e.cookie = cookie;
    e.cookieOffset = 0;
    e.cookieLength = cookie.length;
    return packet(tag, e);
  }

  private static byte[] cookieOf(InitChunk ack) {
    return Arrays.copyOfRange(ack.cookie, ack.cookieOffset, ack.cookieOffset + ack.cookieLength);
  }

  @Test
  void initIsAnsweredWithoutCreatingState() {
    InitChunk ack = initAck();
    assertThat(assoc.state()).isEqualTo(SctpState.CLOSED);
    assertThat(ack.cookieLength).isEqualTo(StateCookie.LENGTH);
    assertThat(events.established).isZero();
  }

  @Test
  void validCookieEstablishesAndIsAcked() {
    InitChunk ack = initAck();
    byte[] p = echo(ack.initiateTag, cookieOf(ack));
    assoc.receive(p, 0, p.length);
    assertThat(assoc.state()).isEqualTo(SctpState.ESTABLISHED);
    assertThat(events.established).isEqualTo(1);
    assertThat(out).hasSize(1);
    SctpPacket reply = new SctpPacket();
    reply.wrap(out.get(0), 0, out.get(0).length);
    assertThat(reply.verificationTag()).isEqualTo(PEER_TAG);
    reply.nextChunk();
    assertThat(reply.chunkType()).isEqualTo(ChunkType.COOKIE_ACK);
  }

  @Test
  void streamsAreLimitedToThePeersInboundStreams() {
    InitChunk ack = initAck();
    byte[] p = echo(ack.initiateTag, cookieOf(ack));
    assoc.receive(p, 0, p.length);
    assertThat(assoc.send(1023, 53, new byte[1], SendOptions.RELIABLE)).isEqualTo(SendStatus.OK);
    assertThat(assoc.send(1024, 53, new byte[1], SendOptions.RELIABLE))
        .isEqualTo(SendStatus.BAD_STREAM);
  }

  @Test
  void tamperedCookieIsRefusedWithoutState() {
    InitChunk ack = initAck();
    for (int i = 0; i < StateCookie.LENGTH; i += 7) {
      byte[] cookie = cookieOf(ack);
      cookie[i] ^= 0x40;
      byte[] p = echo(ack.initiateTag, cookie);
      assoc.receive(p, 0, p.length);
    }
    assertThat(assoc.drops(SctpDrop.BAD_COOKIE)).isEqualTo((StateCookie.LENGTH + 6) / 7);
    assertThat(assoc.state()).isEqualTo(SctpState.CLOSED);
    assertThat(out).isEmpty();
  }

  @Test
  void cookieOfTheWrongLengthOrFromAnotherAssociationIsRefused() {
    InitChunk ack = initAck();
    byte[] p = echo(ack.initiateTag, Arrays.copyOf(cookieOf(ack), StateCookie.LENGTH - 1));
    assoc.receive(p, 0, p.length);
    SctpAssociation other =
        new SctpAssociation(SctpConfig.webRtc(), (b, o, l) -> {}, events, () -> now, new Random(9));
    byte[] q = echo(ack.initiateTag, cookieOf(ack));
    other.receive(q, 0, q.length);
    assertThat(assoc.drops(SctpDrop.BAD_COOKIE)).isEqualTo(1);
    assertThat(other.state()).isEqualTo(SctpState.CLOSED);
    assertThat(other.drops(SctpDrop.WRONG_TAG) + other.drops(SctpDrop.BAD_COOKIE)).isEqualTo(1);
  }

  @Test
  void staleCookieIsRefused() {
    InitChunk ack = initAck();
    now += 61_000_000_000L; // Valid.Cookie.Life is 60 s
    byte[] p = echo(ack.initiateTag, cookieOf(ack));
    assoc.receive(p, 0, p.length);
    assertThat(assoc.drops(SctpDrop.BAD_COOKIE)).isEqualTo(1);
    assertThat(assoc.state()).isEqualTo(SctpState.CLOSED);
  }

  @Test
  void wrongTagPortAndChecksumAreCountedDrops() {
    InitChunk ack = initAck();
    byte[] p = echo(ack.initiateTag + 1, cookieOf(ack));
    assoc.receive(p, 0, p.length);
    assertThat(assoc.drops(SctpDrop.WRONG_TAG)).isEqualTo(1);
    byte[] q = echo(ack.initiateTag, cookieOf(ack));
    q[1] = 1; // source port 4865
    SctpPacket.seal(crc, q, 0, q.length);
    assoc.receive(q, 0, q.length);
    assertThat(assoc.drops(SctpDrop.WRONG_PORT)).isEqualTo(1);
    byte[] r = echo(ack.initiateTag, cookieOf(ack));
    r[r.length - 1] ^= 1;
    assoc.receive(r, 0, r.length);
    assertThat(assoc.drops(SctpDrop.MALFORMED_PACKET)).isEqualTo(1);
    assertThat(assoc.state()).isEqualTo(SctpState.CLOSED);
  }

  @Test
  void abortWithTheRightTagClosesAndWithAWrongTagIsIgnored() {
    InitChunk ack = initAck();
    byte[] p = echo(ack.initiateTag, cookieOf(ack));
    assoc.receive(p, 0, p.length);
    ErrorCauseChunk abort = new ErrorCauseChunk().set(true, 0, null, 0, 0);
    byte[] bad = packet(ack.initiateTag + 1, abort);
    assoc.receive(bad, 0, bad.length);
    assertThat(assoc.state()).isEqualTo(SctpState.ESTABLISHED);
    byte[] good = packet(ack.initiateTag, abort);
    assoc.receive(good, 0, good.length);
    assertThat(events.closed).isEqualTo(SctpCloseReason.ABORTED_BY_PEER);
    assoc.receive(good, 0, good.length);
    assertThat(assoc.drops(SctpDrop.AFTER_CLOSE)).isEqualTo(1);
  }

  @Test
  void heartbeatIsEchoed() {
    InitChunk ack = initAck();
    byte[] p = echo(ack.initiateTag, cookieOf(ack));
    assoc.receive(p, 0, p.length);
    out.clear();
    HeartbeatChunk hb = new HeartbeatChunk();
    hb.info = new byte[] {9, 8, 7, 6, 5};
    hb.infoLength = 5;
    byte[] h = packet(ack.initiateTag, hb);
    assoc.receive(h, 0, h.length);
    assertThat(out).hasSize(1);
    SctpPacket reply = new SctpPacket();
    reply.wrap(out.get(0), 0, out.get(0).length);
    reply.nextChunk();
    HeartbeatChunk back = new HeartbeatChunk();
    assertThat(back.decode(out.get(0), reply.chunkOffset(), reply.chunkLength()))
        .isEqualTo(SctpStatus.OK);
    assertThat(back.ack).isTrue();
    assertThat(Arrays.copyOfRange(back.info, back.infoOffset, back.infoOffset + 5))
        .containsExactly(9, 8, 7, 6, 5);
  }
}
