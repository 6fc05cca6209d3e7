package dev.sfumato.rooms.live;

import java.util.ArrayList;
import java.util.List;
import livekit.LivekitRtc.ICEServer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@link ServerSettings} from MicroProfile Config: {@code sfumato.ice-servers} (comma-separated
 * {@code url} or {@code url|username|credential}), {@code sfumato.signal.ping-interval} and {@code
 * ping-timeout} (seconds, LiveKit's 5 and 15), {@code sfumato.signal.resume-window} (seconds a
 * dropped signal connection may come back), {@code sfumato.node-id} and {@code
 * sfumato.data-channels} (LiveKit's data channels, on by default as in LiveKit; off, v0 clients get
 * no subscriber-primary connection and data messages go nowhere).
 *
 * <p>The version told to clients is that of the LiveKit server whose protocol Sfumato speaks
 * (clients gate features such as RPC on it), {@code sfumato.livekit-version}.
 */
final class LiveSettings {
  private LiveSettings() {}

  static ServerSettings fromConfig() {
    Config c = ConfigProvider.getConfig();
    return new ServerSettings(
        c.getOptionalValue("sfumato.livekit-version", String.class).orElse("1.9.0"),
        c.getOptionalValue("sfumato.node-id", String.class).orElse("sfumato"),
        iceServers(c.getOptionalValue("sfumato.ice-servers", String.class).orElse("")),
        c.getOptionalValue("sfumato.signal.ping-interval", Integer.class).orElse(5),
        c.getOptionalValue("sfumato.signal.ping-timeout", Integer.class).orElse(15),
        c.getOptionalValue("sfumato.signal.resume-window", Integer.class).orElse(15),
        c.getOptionalValue("sfumato.data-channels", Boolean.class).orElse(true));
  }

  static List<ICEServer> iceServers(String spec) {
    List<ICEServer> out = new ArrayList<>();
    for (String entry : spec.split(",")) {
      String[] parts = entry.trim().split("\\|", -1);
      if (!parts[0].matches("(stun|stuns|turn|turns):\\S+")) {
        continue;
      }
      ICEServer.Builder b = ICEServer.newBuilder().addUrls(parts[0]);
      if (parts.length == 3) {
        b.setUsername(parts[1]).setCredential(parts[2]);
      }
      out.add(b.build());
    }
    return out;
  }
}
