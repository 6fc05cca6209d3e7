package dev.sfumato.whip;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The data channel loopback under the module's context root: {@code /live/loopback}. */
@ApplicationPath("/loopback")
public class LoopbackApplication extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(LoopbackResource.class, Cors.class);
  }
}
