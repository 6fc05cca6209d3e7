package dev.sfumato.whip;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** WHIP under the module's context root: {@code /live/whip/…}. */
@ApplicationPath("/whip")
public class WhipApplication extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(WhipResource.class, Cors.class);
  }
}
