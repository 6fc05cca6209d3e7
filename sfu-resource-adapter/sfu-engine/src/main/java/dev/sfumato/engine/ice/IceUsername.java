package dev.sfumato.engine.ice;

import dev.sfumato.engine.stun.StunMessage;

/**
 * The USERNAME of a connectivity check, RFC 8445 §7.2.2: {@code <receiver's ufrag>:<sender's
 * ufrag>}. A request to us starts with our own ufrag, which is how a worker finds the transport a
 * STUN datagram belongs to. Everything here reads the message in place, without allocating.
 */
public final class IceUsername {

  private static final byte COLON = ':';

  private IceUsername() {}

  /** Length of the local ufrag (the part before the first ':'), or -1 if there is none. */
  public static int localUfragLength(StunMessage request) {
    int at = request.usernameOffset();
    if (at < 0) {
      return -1;
    }
    byte[] buf = request.buffer();
    for (int i = 0; i < request.usernameLength(); i++) {
      if (buf[at + i] == COLON) {
        return i;
      }
    }
    return -1;
  }

  /** True if USERNAME is {@code ufrag + ":" + anything}. */
  public static boolean localUfragEquals(StunMessage request, byte[] ufrag) {
    return localUfragLength(request) == ufrag.length
        && regionEquals(request.buffer(), request.usernameOffset(), ufrag);
  }

  /** True if USERNAME is {@code <local ufrag> + ":" + ufrag}. */
  public static boolean remoteUfragEquals(StunMessage request, byte[] ufrag) {
    int local = localUfragLength(request);
    return local >= 0
        && request.usernameLength() - local - 1 == ufrag.length
        && regionEquals(request.buffer(), request.usernameOffset() + local + 1, ufrag);
  }

  /** FNV-1a over {@code buf[off, off + len)}: a cheap, allocation-free key for ufrag lookups. */
  public static int hash(byte[] buf, int off, int len) {
    int h = 0x811C9DC5;
    for (int i = 0; i < len; i++) {
      h = (h ^ (buf[off + i] & 0xFF)) * 0x01000193;
    }
    return h;
  }

  static boolean regionEquals(byte[] buf, int off, byte[] expected) {
    for (int i = 0; i < expected.length; i++) {
      if (buf[off + i] != expected[i]) {
        return false;
      }
    }
    return true;
  }
}
