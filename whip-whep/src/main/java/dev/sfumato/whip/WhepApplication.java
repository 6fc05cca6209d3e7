package dev.sfumato.whip;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * WHEP under the module's context root: {@code /live/whep/…}. A JAX-RS application per protocol
 * keeps the WAR's static pages (publisher and player) outside JAX-RS.
 */
@ApplicationPath("/whep")
public class WhepApplication extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(WhepResource.class, Cors.class);
  }
}
