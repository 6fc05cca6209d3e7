package dev.sfumato.signal.meet;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The meet page's one server call, the development token endpoint. Its path sits under the page's
 * own folder so that the static files in {@code /meet/} stay with the default servlet and nothing
 * collides with {@code /twirp}, {@code /admin} or the LiveKit signaling paths.
 */
@ApplicationPath("/meet/dev-token")
public class MeetApplication extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(DevTokenResource.class);
  }
}
