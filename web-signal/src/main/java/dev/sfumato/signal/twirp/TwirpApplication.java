package dev.sfumato.signal.twirp;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * Twirp services live at {@code /twirp/<package>.<Service>/<Method>} at the root of the host: the
 * LiveKit server SDKs build that path from the server URL alone.
 */
@ApplicationPath("/twirp")
public class TwirpApplication extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(RoomServiceResource.class);
  }
}
