package dev.sfumato.whip;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The {@code Link: <url>; rel="ice-server"} headers of RFC 9725 §4.6, from {@code
 * sfumato.ice-servers}: a comma-separated list of {@code url} or {@code url|username|credential}
 * entries (TURN needs the latter). Empty by default: Sfumato's own candidates are public host
 * candidates and clients need no STUN server to reach it.
 */
final class IceServerLinks {
  private IceServerLinks() {}

  static List<String> configured() {
    String spec =
        ConfigProvider.getConfig().getOptionalValue("sfumato.ice-servers", String.class).orElse("");
    return parse(spec);
  }

  static List<String> parse(String spec) {
    List<String> links = new ArrayList<>();
    for (String entry : spec.split(",")) {
      String[] parts = entry.trim().split("\\|", -1);
      if (parts[0].isEmpty() || !parts[0].matches("(stun|stuns|turn|turns):[^<>\"\\s]+")) {
        continue;
      }
      StringBuilder link = new StringBuilder("<").append(parts[0]).append(">; rel=\"ice-server\"");
      if (parts.length == 3) {
        link.append("; username=\"").append(quoted(parts[1])).append('"');
        link.append("; credential=\"").append(quoted(parts[2])).append('"');
        link.append("; credential-type=\"password\"");
      }
      links.add(link.toString());
    }
    return links;
  }

  private static String quoted(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
