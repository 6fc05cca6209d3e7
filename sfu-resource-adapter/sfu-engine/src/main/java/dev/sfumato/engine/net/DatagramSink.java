package dev.sfumato.engine.net;

import java.net.InetSocketAddress;

/**
 * Receives each datagram as a view over the worker's receive array. The view is valid only during
 * the call: the next datagram overwrites it. Implementations must not throw on peer input; a throw
 * is counted as {@link dev.sfumato.engine.stats.DropReason#HANDLER_ERROR}.
 */
@FunctionalInterface
public interface DatagramSink {
  void onDatagram(byte[] data, int offset, int length, InetSocketAddress source);
}
