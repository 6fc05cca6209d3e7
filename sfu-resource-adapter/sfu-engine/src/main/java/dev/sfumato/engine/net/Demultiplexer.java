package dev.sfumato.engine.net;

import dev.sfumato.engine.stats.DropCounters;
import dev.sfumato.engine.stats.DropReason;
import java.net.InetSocketAddress;

/**
 * Routes a received datagram by its first byte, RFC 7983 §7: [0..3] STUN, [20..63] DTLS, [128..191]
 * RTP/RTCP (SRTP/SRTCP). Anything else (ZRTP, TURN channels, garbage) is an {@link
 * DropReason#UNKNOWN_PROTOCOL} drop. The {@link Handler} finds the transport.
 */
public final class Demultiplexer implements DatagramSink {

  /** Where each class of datagram goes; views valid only during the call. */
  public interface Handler {
    void onStun(byte[] data, int offset, int length, InetSocketAddress source);

    void onDtls(byte[] data, int offset, int length, InetSocketAddress source);

    void onSrtp(byte[] data, int offset, int length, InetSocketAddress source);
  }

  private final DropCounters drops;
  private final Handler handler;

  public Demultiplexer(DropCounters drops, Handler handler) {
    this.drops = drops;
    this.handler = handler;
  }

  @Override
  public void onDatagram(byte[] data, int offset, int length, InetSocketAddress source) {
    if (length < 1) {
      drops.count(DropReason.UNKNOWN_PROTOCOL);
      return;
    }
    int b = data[offset] & 0xFF;
    if (b <= 3) {
      handler.onStun(data, offset, length, source);
    } else if (b >= 20 && b <= 63) {
      handler.onDtls(data, offset, length, source);
    } else if (b >= 128 && b <= 191) {
      handler.onSrtp(data, offset, length, source);
    } else {
      drops.count(DropReason.UNKNOWN_PROTOCOL);
    }
  }
}
