package dev.sfumato.rooms.config;

import org.eclipse.microprofile.config.Config;

/** Where clients reach this server, from the same settings server.xml uses for its listener. */
public final class ServerUrls {
  private ServerUrls() {}

  /** {@code sfumato.url} when set (behind a proxy), else http://host:port of the HTTP listener. */
  public static String httpUrl(Config config) {
    return config
        .getOptionalValue("sfumato.url", String.class)
        .orElseGet(
            () ->
                "http://"
                    + config.getOptionalValue("sfumato.http.host", String.class).orElse("127.0.0.1")
                    + ":"
                    + config.getOptionalValue("sfumato.http.port", Integer.class).orElse(7880));
  }
}
