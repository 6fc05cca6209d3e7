package dev.sfumato.bench;

import dev.sfumato.engine.rtcp.RtcpMux;
import dev.sfumato.engine.rtp.RtpPacket;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One thread reading every bench peer's socket: DTLS records go to the peer's session (RFC 7983
 * first-byte ranges), RTP and RTCP are only counted, not decrypted, so the receiving side stays
 * cheap next to the engine it measures. The first {@link #VERIFIED} RTP packets of the peer marked
 * with {@link #verify} are decrypted and checked, to show the forwarded media is real SRTP.
 */
final class PeerReceiver implements AutoCloseable {

  static final int VERIFIED = 200;

  final AtomicLong rtp = new AtomicLong();
  final AtomicLong rtcp = new AtomicLong();
  final AtomicLong verifiedOk = new AtomicLong();
  final AtomicLong verifiedBad = new AtomicLong();
  private final Selector selector;
  private final ConcurrentLinkedQueue<BenchPeer> pending = new ConcurrentLinkedQueue<>();
  private final ByteBuffer rx = ByteBuffer.allocate(2048);
  private final RtpPacket view = new RtpPacket();
  private final Thread thread;
  private volatile BenchPeer verify;
  private volatile boolean closed;

  PeerReceiver() throws IOException {
    selector = Selector.open();
    thread = new Thread(this::run, "bench-peer-receiver");
    thread.setDaemon(true);
    thread.start();
  }

  Thread thread() {
    return thread;
  }

  void add(BenchPeer peer) {
    pending.add(peer);
    selector.wakeup();
  }

  /** Decrypts and checks the next {@link #VERIFIED} RTP packets that reach this peer. */
  void verify(BenchPeer peer) {
    verifiedOk.set(0);
    verifiedBad.set(0);
    verify = peer;
  }

  private void run() {
    try {
      while (!closed) {
        BenchPeer p;
        while ((p = pending.poll()) != null) {
          p.channel.register(selector, SelectionKey.OP_READ, p);
        }
        selector.select(this::drain, 100);
      }
    } catch (IOException | ClosedSelectorException e) {
      // closed under us: the run is over
    }
  }

  private void drain(SelectionKey key) {
    BenchPeer peer = (BenchPeer) key.attachment();
    while (true) {
      rx.clear();
      SocketAddress from;
      try {
        from = peer.channel.receive(rx);
      } catch (IOException e) {
        return;
      }
      if (from == null) {
        return;
      }
      byte[] buf = rx.array();
      int len = rx.position();
      int b = buf[0] & 0xFF;
      if (b >= 20 && b <= 63) {
        if (peer.dtls != null) {
          peer.dtls.offer(Arrays.copyOf(buf, len), 0, len);
        }
      } else if (b >= 128 && b <= 191) {
        if (RtcpMux.isRtcp(buf, 0, len)) {
          rtcp.incrementAndGet();
        } else {
          rtp.incrementAndGet();
          if (peer == verify) {
            check(peer, buf, len);
          }
        }
      }
    }
  }

  private void check(BenchPeer peer, byte[] buf, int len) {
    if (verifiedOk.get() + verifiedBad.get() >= VERIFIED || peer.srtp == null) {
      return;
    }
    int n = peer.srtp.inbound().unprotectRtp(buf, 0, len);
    boolean ok =
        n > 0
            && view.wrap(buf, 0, n)
            && view.ssrc() == peer.expectedSsrc
            && view.payloadType() == BenchPackets.SUBSCRIBER_PT;
    (ok ? verifiedOk : verifiedBad).incrementAndGet();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    selector.close();
  }
}
