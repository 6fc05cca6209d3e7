package dev.sfumato.signal.rtc;

import dev.sfumato.rooms.config.ServerKeys;
import dev.sfumato.rooms.live.LiveRooms;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The EJBs the WebSocket endpoints use, looked up in JNDI: Liberty creates annotated endpoints
 * outside CDI, so field injection does not reach them.
 */
final class Beans {
  private Beans() {}

  static LiveRooms rooms() {
    return lookup("java:app/ejb-rooms/LiveRooms!" + LiveRooms.class.getName());
  }

  static ServerKeys keys() {
    return lookup("java:app/ejb-rooms/ServerKeys!" + ServerKeys.class.getName());
  }

  private static <T> T lookup(String name) {
    try {
      return InitialContext.doLookup(name);
    } catch (NamingException e) {
      throw new IllegalStateException("cannot find " + name, e);
    }
  }
}
