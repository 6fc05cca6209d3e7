package dev.sfumato.engine.dtls;

/**
 * Where a DTLS session's outgoing records go: the worker routes them to the ICE-selected remote
 * address of the transport.
 *
 * <p>Called on the DTLS thread (the handshake executor), never on the media worker, and possibly
 * concurrently with nothing else of the same session but with other sessions' calls: an
 * implementation must be thread-safe. The engine's implementation copies the record and hops it
 * onto the owning worker thread (a command), because only that thread may touch the socket.
 *
 * <p>The view {@code (buf, off, len)} is valid only during the call: Bouncy Castle may reuse the
 * array. Implementations must not throw for ordinary conditions (no selected address yet, queue
 * full): a lost record is what UDP does, and DTLS retransmits handshake flights (RFC 6347 §4.2.4).
 */
@FunctionalInterface
public interface DatagramSender {
  void send(byte[] buf, int off, int len);
}
