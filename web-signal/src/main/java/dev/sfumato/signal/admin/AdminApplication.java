package dev.sfumato.signal.admin;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** Sfumato's own administration API, beside the LiveKit-compatible Twirp services. */
@ApplicationPath("/admin")
public class AdminApplication extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(EngineResource.class);
  }
}
