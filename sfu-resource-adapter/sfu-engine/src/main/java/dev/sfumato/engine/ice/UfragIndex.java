package dev.sfumato.engine.ice;

import dev.sfumato.engine.stun.StunMessage;
import java.nio.charset.StandardCharsets;

/**
 * Finds the transport a STUN request is for by the local ufrag at the start of its USERNAME
 * (ARCHITECTURE.md: demultiplexing; RFC 8445 §7.2.2), without a String or a boxed key per packet:
 * open addressing with linear probing over the ufrag bytes, FNV-1a hashed.
 *
 * <p>Confined to one worker thread: {@link #put} and {@link #remove} run on commands (transport
 * create, ICE restart, close), {@link #find} per datagram.
 *
 * @param <T> what a ufrag leads to, typically the transport
 */
public final class UfragIndex<T> {

  private byte[][] keys;
  private Object[] values;
  private int size;

  public UfragIndex() {
    keys = new byte[16][];
    values = new Object[16];
  }

  public int size() {
    return size;
  }

  /** Maps {@code ufrag} to {@code value}, replacing any previous value. */
  public void put(String ufrag, T value) {
    byte[] key = ufrag.getBytes(StandardCharsets.US_ASCII);
    int i = slot(key, 0, key.length);
    if (keys[i] == null) {
      keys[i] = key;
      size++;
    }
    values[i] = value;
    if (size * 2 > keys.length) {
      grow(); // load at most 1/2: probes stay short
    }
  }

  /** The value for the local ufrag of {@code request}'s USERNAME, or null. */
  public T find(StunMessage request) {
    int n = IceUsername.localUfragLength(request);
    return n < 0 ? null : get(request.buffer(), request.usernameOffset(), n);
  }

  /** The value for the ufrag in {@code buf[off, off + len)}, or null. */
  @SuppressWarnings("unchecked")
  public T get(byte[] buf, int off, int len) {
    int i = slot(buf, off, len);
    return keys[i] == null ? null : (T) values[i];
  }

  /** Removes {@code ufrag}; returns its value or null. */
  @SuppressWarnings("unchecked")
  public T remove(String ufrag) {
    byte[] key = ufrag.getBytes(StandardCharsets.US_ASCII);
    int i = slot(key, 0, key.length);
    if (keys[i] == null) {
      return null;
    }
    T old = (T) values[i];
    size--;
    closeGap(i);
    return old;
  }

  /** The slot holding this key, or the empty slot where it would go. */
  private int slot(byte[] buf, int off, int len) {
    int mask = keys.length - 1;
    int i = IceUsername.hash(buf, off, len) & mask;
    while (keys[i] != null && !matches(keys[i], buf, off, len)) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private static boolean matches(byte[] key, byte[] buf, int off, int len) {
    return key.length == len && IceUsername.regionEquals(buf, off, key);
  }

  /** Backward-shift deletion: keeps every later key of the probe run reachable. */
  private void closeGap(int gap) {
    int mask = keys.length - 1;
    keys[gap] = null;
    values[gap] = null;
    for (int j = (gap + 1) & mask; keys[j] != null; j = (j + 1) & mask) {
      int home = IceUsername.hash(keys[j], 0, keys[j].length) & mask;
      // Move keys[j] into the gap unless its home lies cyclically in (gap, j].
      boolean homeBetween = gap <= j ? (gap < home && home <= j) : (gap < home || home <= j);
      if (!homeBetween) {
        keys[gap] = keys[j];
        values[gap] = values[j];
        keys[j] = null;
        values[j] = null;
        gap = j;
      }
    }
  }

  private void grow() {
    byte[][] oldKeys = keys;
    Object[] oldValues = values;
    keys = new byte[oldKeys.length * 2][];
    values = new Object[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        int j = slot(oldKeys[i], 0, oldKeys[i].length);
        keys[j] = oldKeys[i];
        values[j] = oldValues[i];
      }
    }
  }
}
