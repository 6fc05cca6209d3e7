package dev.sfumato.engine.net;

import dev.sfumato.engine.stats.DropCounters;
import dev.sfumato.engine.stats.DropReason;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

/**
 * One non-blocking UDP socket of a worker and its receive path. Confined to the worker thread after
 * {@link #bind}, except {@link #close()}, which the engine may call as a last resort.
 *
 * <p>The receive path allocates nothing per datagram: one heap buffer is reused (its array is the
 * packet view handed to the sink), and the JDK caches the sender's {@link InetSocketAddress} while
 * it stays the same, which is the normal case for a media flow.
 */
public final class UdpEndpoint implements Closeable {

  /**
   * Largest datagram accepted: the Ethernet MTU. WebRTC stacks keep packets at or under ~1200 bytes
   * to avoid IP fragmentation, so anything larger is not media we can use.
   */
  public static final int MAX_DATAGRAM_BYTES = 1500;

  /**
   * Kernel receive buffer asked for: about 25 ms of a 1 Gbit/s burst, so a keyframe burst from many
   * publishers survives a short GC pause. Linux caps it at net.core.rmem_max.
   */
  static final int SOCKET_RECEIVE_BUFFER_BYTES = 4 << 20;

  /** Bytes an outgoing datagram may exceed the MTU by: room for the SRTP tag added in place. */
  static final int SEND_TAILROOM = 64;

  /** Sentinel returned by {@link #receiveBurst} once the socket is closed. */
  public static final int CLOSED = -1;

  private final DatagramChannel channel;
  private final InetSocketAddress localAddress;
  // One byte more than accepted: a datagram that fills the buffer was truncated by the kernel.
  private final byte[] rxArray = new byte[MAX_DATAGRAM_BYTES + 1];
  private final ByteBuffer rx = ByteBuffer.wrap(rxArray);
  // Direct, so the kernel copy needs no temporary buffer: the JDK keeps those per thread, and a
  // worker's slices run on changing pool threads.
  private final ByteBuffer tx = ByteBuffer.allocateDirect(MAX_DATAGRAM_BYTES + SEND_TAILROOM);
  private long datagramsIn;
  private long datagramsOut;
  private long sendsDropped;

  private UdpEndpoint(DatagramChannel channel) throws IOException {
    this.channel = channel;
    this.localAddress = (InetSocketAddress) channel.getLocalAddress();
  }

  /** Opens and binds a non-blocking socket; SO_REUSEADDR stays off so a port is never shared. */
  public static UdpEndpoint bind(InetSocketAddress address) throws IOException {
    DatagramChannel channel = DatagramChannel.open();
    try {
      channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_RECEIVE_BUFFER_BYTES);
      channel.configureBlocking(false);
      channel.bind(address);
      return new UdpEndpoint(channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  public InetSocketAddress localAddress() {
    return localAddress;
  }

  /** Every datagram read, including the dropped ones. Read on the worker thread. */
  public long datagramsIn() {
    return datagramsIn;
  }

  public SelectionKey register(Selector selector, Object attachment) throws ClosedChannelException {
    return channel.register(selector, SelectionKey.OP_READ, attachment);
  }

  /**
   * Reads up to {@code max} pending datagrams into {@code sink}. Never throws on peer input: socket
   * errors, oversize datagrams and sink failures become counted drops.
   *
   * @return datagrams read, or {@link #CLOSED} if the socket has been closed
   */
  public int receiveBurst(DatagramSink sink, DropCounters drops, int max) {
    int n = 0;
    while (n < max) {
      rx.clear();
      SocketAddress source;
      try {
        source = channel.receive(rx);
      } catch (ClosedChannelException e) {
        return CLOSED;
      } catch (IOException e) {
        drops.count(DropReason.RECEIVE_ERROR);
        return n;
      }
      if (source == null) {
        return n;
      }
      n++;
      datagramsIn++;
      int length = rx.position();
      if (length > MAX_DATAGRAM_BYTES) {
        drops.count(DropReason.TRUNCATED);
        continue;
      }
      try {
        sink.onDatagram(rxArray, 0, length, (InetSocketAddress) source);
      } catch (RuntimeException e) {
        drops.count(DropReason.HANDLER_ERROR);
      }
    }
    return n;
  }

  /**
   * Sends one datagram without blocking. A full kernel buffer or a socket error drops it (counted):
   * media is better late-free than late, and the sender's congestion control will see the loss.
   *
   * @return true if the kernel took the datagram
   */
  public boolean send(byte[] data, int offset, int length, InetSocketAddress destination) {
    if (length > tx.capacity()) {
      sendsDropped++;
      return false;
    }
    tx.clear();
    tx.put(data, offset, length).flip();
    try {
      if (channel.send(tx, destination) == 0) {
        sendsDropped++;
        return false;
      }
      datagramsOut++;
      return true;
    } catch (IOException | RuntimeException e) {
      sendsDropped++; // e.g. ICMP port unreachable reported on the next send; the peer is gone
      return false;
    }
  }

  public long datagramsOut() {
    return datagramsOut;
  }

  /** Datagrams that could not be sent (buffer full, socket error, oversize). */
  public long sendsDropped() {
    return sendsDropped;
  }

  public boolean isOpen() {
    return channel.isOpen();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** {@code ip:port}, bracketing IPv6 literals as URIs and SDP tools expect. */
  public static String format(InetSocketAddress address) {
    String host = address.getAddress().getHostAddress();
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
  }
}
