package dev.sfumato.engine.ice;

import java.net.InetSocketAddress;

/**
 * The peer's transport addresses learned from authenticated checks (peer-reflexive, RFC 8445
 * §7.3.1.3), each with the time of its last authenticated check for consent (RFC 7675), and which
 * one is selected. Bounded: a full table replaces its least recently checked unselected entry, so a
 * peer hopping ports cannot grow state and a fresh path always gets in.
 *
 * <p>Plain arrays scanned linearly: a handful of entries, touched by one worker thread.
 */
final class PeerAddresses {

  private final InetSocketAddress[] addresses;
  private final byte[][] ipBytes; // the address's bytes, fetched once: getAddress() copies
  private final long[] lastCheckNanos;
  private int size;
  private int selected = -1;

  PeerAddresses(int capacity) {
    if (capacity < 2) {
      throw new IllegalArgumentException("need room for the selected path and one more");
    }
    addresses = new InetSocketAddress[capacity];
    ipBytes = new byte[capacity][];
    lastCheckNanos = new long[capacity];
  }

  int size() {
    return size;
  }

  int indexOf(InetSocketAddress address) {
    for (int i = 0; i < size; i++) {
      if (addresses[i].equals(address)) {
        return i;
      }
    }
    return -1;
  }

  /** Adds {@code address} (not yet present), evicting the stalest unselected entry if full. */
  int add(InetSocketAddress address, long nowNanos) {
    int i = size < addresses.length ? size++ : stalestUnselected();
    addresses[i] = address;
    ipBytes[i] = address.getAddress().getAddress();
    lastCheckNanos[i] = nowNanos;
    return i;
  }

  void touch(int i, long nowNanos) {
    lastCheckNanos[i] = nowNanos;
  }

  InetSocketAddress address(int i) {
    return addresses[i];
  }

  byte[] ip(int i) {
    return ipBytes[i];
  }

  int selected() {
    return selected;
  }

  void select(int i) {
    selected = i;
  }

  InetSocketAddress selectedAddress() {
    return selected < 0 ? null : addresses[selected];
  }

  /**
   * Forgets every entry with no authenticated check for {@code timeoutNanos}.
   *
   * @return true if the selected entry was among them
   */
  boolean expire(long nowNanos, long timeoutNanos) {
    boolean lostSelected = false;
    for (int i = size - 1; i >= 0; i--) {
      if (nowNanos - lastCheckNanos[i] >= timeoutNanos) {
        lostSelected |= i == selected;
        remove(i);
      }
    }
    return lostSelected;
  }

  private void remove(int i) {
    int last = --size;
    if (i == selected) {
      selected = -1;
    } else if (last == selected) {
      selected = i;
    }
    addresses[i] = addresses[last];
    ipBytes[i] = ipBytes[last];
    lastCheckNanos[i] = lastCheckNanos[last];
    addresses[last] = null;
    ipBytes[last] = null;
  }

  private int stalestUnselected() {
    int stalest = -1;
    for (int i = 0; i < size; i++) {
      if (i != selected && (stalest < 0 || lastCheckNanos[i] - lastCheckNanos[stalest] < 0)) {
        stalest = i;
      }
    }
    return stalest;
  }
}
