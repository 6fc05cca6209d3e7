package dev.sfumato.engine.net;

import dev.sfumato.engine.stats.DropCounters;
import dev.sfumato.engine.stats.DropReason;
import java.net.InetSocketAddress;

/**
 * Routes a received datagram by its first byte, RFC 7983 §7: [0..3] STUN, [20..63] DTLS, [128..191]
 * RTP/RTCP. No transport exists yet, so every datagram is a {@link DropReason#NO_TRANSPORT} drop;
 * ICE-lite, DTLS and SRTP will register here.
 */
public final class Demultiplexer implements DatagramSink {

  private final DropCounters drops;

  public Demultiplexer(DropCounters drops) {
    this.drops = drops;
  }

  @Override
  public void onDatagram(byte[] data, int offset, int length, InetSocketAddress source) {
    drops.count(DropReason.NO_TRANSPORT);
  }
}
