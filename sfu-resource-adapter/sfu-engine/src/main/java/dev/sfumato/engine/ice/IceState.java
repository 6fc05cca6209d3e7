package dev.sfumato.engine.ice;

/** The ICE state of one transport as its lite agent sees it (RFC 8445 §2.5, §8.2; RFC 7675). */
public enum IceState {
  /** No authenticated check yet. */
  NEW,
  /** Authenticated checks arrive; the controlling peer has not nominated a path. */
  CHECKING,
  /** A nominated path is selected: media goes to {@link IceLiteAgent#selectedAddress()}. */
  CONNECTED,
  /**
   * No usable path: the selected one lost consent (RFC 7675 §5.1: 30 s without an authenticated
   * check) or every checked path expired before a nomination. RFC 8445's "failed" as a lite agent
   * sees it; the next nomination (or, once nominated before, any authenticated check) recovers.
   */
  DISCONNECTED
}
