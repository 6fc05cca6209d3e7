package dev.sfumato.engine.dtls;

import dev.sfumato.engine.net.UdpEndpoint;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.bouncycastle.tls.DatagramTransport;

/**
 * The datagram transport under one DTLS session, RFC 6347 §4.1 records in UDP datagrams. Bouncy
 * Castle's {@code UDPTransport} wants a connected socket of its own; here every transport of a
 * worker shares one socket, so the worker's RFC 7983 demultiplexer (first byte 20..63) calls {@link
 * #offer} on the media thread, and Bouncy Castle's blocking {@link #receive} takes records on the
 * DTLS thread. Sends go straight to a {@link DatagramSender}.
 *
 * <p>The queue is a ring of bytes with a ring of record lengths, allocated once: {@code offer}
 * copies (the worker's receive array is reused for the next datagram) but never allocates. It is
 * bounded in records and in bytes; a datagram over either bound is a counted drop, as UDP would
 * lose it, and DTLS retransmission (RFC 6347 §4.2.4) or SCTP recovers.
 *
 * <p>Limits. Receive: {@link UdpEndpoint#MAX_DATAGRAM_BYTES}, the largest datagram the worker
 * delivers, so a peer whose path MTU is bigger than ours still gets through. Send: {@value
 * #DEFAULT_SEND_LIMIT} bytes, the WebRTC convention (libwebrtc, Firefox): the IPv6 minimum MTU of
 * 1280 minus 40 (IPv6) and 8 (UDP) is 1232, less headroom for a TURN ChannelData or Send indication
 * wrapper. Bouncy Castle fragments handshake messages to fit it, and SCTP sizes its packets from
 * the DTLS send limit derived from it.
 */
public final class QueueDatagramTransport implements DatagramTransport {

  /** Bytes per datagram we send; see the class comment. */
  public static final int DEFAULT_SEND_LIMIT = 1200;

  /** Bytes per datagram we accept: whatever the worker can receive. */
  public static final int DEFAULT_RECEIVE_LIMIT = UdpEndpoint.MAX_DATAGRAM_BYTES;

  /** DTLS record header length, RFC 6347 §4.1: type, version, epoch, sequence, length. */
  static final int RECORD_HEADER_LENGTH = 13;

  private static final OfferResult[] RESULTS = OfferResult.values();

  private final DatagramSender sender;
  private final int receiveLimit;
  private final int sendLimit;
  private final byte[] ring;
  private final int[] lengths;
  private final long[] offerCounts = new long[RESULTS.length];
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();

  private int recordHead;
  private int recordCount;
  private int byteHead;
  private int byteCount;
  private boolean closed;

  /**
   * @param maxRecords records the queue holds before it drops
   * @param maxBytes bytes the queue holds before it drops; at least one full datagram
   */
  public QueueDatagramTransport(DatagramSender sender, int maxRecords, int maxBytes) {
    this(sender, maxRecords, maxBytes, DEFAULT_RECEIVE_LIMIT, DEFAULT_SEND_LIMIT);
  }

  QueueDatagramTransport(
      DatagramSender sender, int maxRecords, int maxBytes, int receiveLimit, int sendLimit) {
    this.sender = Objects.requireNonNull(sender, "sender");
    if (maxRecords < 1 || maxBytes < receiveLimit || sendLimit < 2 * RECORD_HEADER_LENGTH) {
      throw new IllegalArgumentException(
          "need maxRecords >= 1, maxBytes >= receive limit, a sane send limit");
    }
    this.receiveLimit = receiveLimit;
    this.sendLimit = sendLimit;
    this.ring = new byte[maxBytes];
    this.lengths = new int[maxRecords];
  }

  /**
   * Copies one datagram into the queue and wakes the DTLS thread. Called on the media thread; never
   * throws on peer input and never blocks beyond the queue lock.
   */
  public OfferResult offer(byte[] buf, int off, int len) {
    Objects.checkFromIndexSize(off, len, buf.length);
    OfferResult result;
    lock.lock();
    try {
      result = enqueue(buf, off, len);
      offerCounts[result.ordinal()]++;
    } finally {
      lock.unlock();
    }
    return result;
  }

  private OfferResult enqueue(byte[] buf, int off, int len) {
    if (closed) {
      return OfferResult.DROPPED_CLOSED;
    }
    if (len < RECORD_HEADER_LENGTH) {
      return OfferResult.DROPPED_TOO_SHORT;
    }
    if (len > receiveLimit) {
      return OfferResult.DROPPED_TOO_LARGE;
    }
    if (recordCount == lengths.length || byteCount + len > ring.length) {
      return OfferResult.DROPPED_QUEUE_FULL;
    }
    int tail = (byteHead + byteCount) % ring.length;
    int first = Math.min(len, ring.length - tail);
    System.arraycopy(buf, off, ring, tail, first);
    System.arraycopy(buf, off + first, ring, 0, len - first);
    lengths[(recordHead + recordCount) % lengths.length] = len;
    recordCount++;
    byteCount += len;
    notEmpty.signal();
    return OfferResult.QUEUED;
  }

  /**
   * Takes the oldest datagram, waiting up to {@code waitMillis} (0: until one arrives). Returns its
   * length (cut to {@code len} if larger), or -1 on timeout, which Bouncy Castle treats as "nothing
   * yet". Throws once the transport is closed, so a blocked handshake or reader ends at once.
   */
  @Override
  public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
    lock.lock();
    try {
      long remaining = TimeUnit.MILLISECONDS.toNanos(waitMillis);
      while (recordCount == 0 && !closed) {
        if (waitMillis == 0) {
          notEmpty.await();
        } else if (remaining <= 0) {
          return -1;
        } else {
          remaining = notEmpty.awaitNanos(remaining);
        }
      }
      if (closed) {
        throw new IOException("DTLS transport closed");
      }
      return dequeue(buf, off, len);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a DTLS record");
    } finally {
      lock.unlock();
    }
  }

  private int dequeue(byte[] buf, int off, int len) {
    int recordLength = lengths[recordHead];
    int copied = Math.min(recordLength, len);
    int first = Math.min(copied, ring.length - byteHead);
    System.arraycopy(ring, byteHead, buf, off, first);
    System.arraycopy(ring, 0, buf, off + first, copied - first);
    byteHead = (byteHead + recordLength) % ring.length;
    byteCount -= recordLength;
    recordHead = (recordHead + 1) % lengths.length;
    recordCount--;
    return copied;
  }

  /** Hands one record to the {@link DatagramSender}; after close it is silently dropped. */
  @Override
  public void send(byte[] buf, int off, int len) throws IOException {
    if (isClosed()) {
      return; // as UDP: the alert Bouncy Castle sends while aborting has nowhere to go
    }
    try {
      sender.send(buf, off, len);
    } catch (RuntimeException e) {
      throw new IOException("DTLS datagram sender failed", e);
    }
  }

  @Override
  public int getReceiveLimit() {
    return receiveLimit;
  }

  @Override
  public int getSendLimit() {
    return sendLimit;
  }

  /** Closes the queue, discards what it holds and wakes a blocked {@link #receive}. Idempotent. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      recordCount = 0;
      byteCount = 0;
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
  }

  public boolean isClosed() {
    lock.lock();
    try {
      return closed;
    } finally {
      lock.unlock();
    }
  }

  /** True if no datagram is waiting. */
  public boolean isEmpty() {
    lock.lock();
    try {
      return recordCount == 0;
    } finally {
      lock.unlock();
    }
  }

  /** How many offers ended with {@code result}. */
  public long count(OfferResult result) {
    lock.lock();
    try {
      return offerCounts[result.ordinal()];
    } finally {
      lock.unlock();
    }
  }

  /** Offers dropped for any reason. */
  public long dropped() {
    lock.lock();
    try {
      long total = 0;
      for (OfferResult result : RESULTS) {
        if (result != OfferResult.QUEUED) {
          total += offerCounts[result.ordinal()];
        }
      }
      return total;
    } finally {
      lock.unlock();
    }
  }
}
