package dev.sfumato.ra.config;

import dev.sfumato.engine.EngineConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The media engine's settings, by MicroProfile Config key. Environment variables use MicroProfile's
 * mapping ({@code SFUMATO_MEDIA_WORKERS}, {@code SFUMATO_MEDIA_BIND_ADDRESS}, …).
 *
 * <ul>
 *   <li>{@value #WORKERS}: media workers, one thread and one UDP port each; default one per core.
 *   <li>{@value #BIND_ADDRESS}: address the UDP sockets bind; default 127.0.0.1 (nothing exposed
 *       until asked).
 *   <li>{@value #PORT}: first UDP port, worker i binds port + i; default 7882; 0 for ephemeral.
 *   <li>{@value #ANNOUNCED_ADDRESS}: address put in ICE candidates; default the bind address, or
 *       127.0.0.1 when binding the wildcard (set it to the host's public IP for remote peers).
 *   <li>{@value #FAULT_INJECTION}: {@code true} lets {@code injectLoss} drop packets on purpose
 *       (integration tests of data-channel recovery); default false. Never in production.
 * </ul>
 */
public final class MediaSettings {

  public static final String WORKERS = "sfumato.media.workers";
  public static final String BIND_ADDRESS = "sfumato.media.bind-address";
  public static final String PORT = "sfumato.media.port";
  public static final String ANNOUNCED_ADDRESS = "sfumato.media.announced-address";
  public static final String FAULT_INJECTION = "sfumato.media.fault-injection";

  private static final Logger LOG = Logger.getLogger(MediaSettings.class.getName());

  private MediaSettings() {}

  /**
   * Reads the engine configuration.
   *
   * @throws IllegalArgumentException naming the key and value that are invalid
   */
  public static EngineConfig resolve(ConfigLookup config) {
    int workers =
        intValue(config, WORKERS)
            .orElse(Math.min(Runtime.getRuntime().availableProcessors(), EngineConfig.MAX_WORKERS));
    InetAddress bind = address(config, BIND_ADDRESS).orElse(EngineConfig.loopback());
    int port = intValue(config, PORT).orElse(EngineConfig.DEFAULT_BASE_PORT);
    InetAddress announced =
        address(config, ANNOUNCED_ADDRESS).orElseGet(() -> defaultAnnounced(bind));
    boolean faultInjection = booleanValue(config, FAULT_INJECTION).orElse(false);
    try {
      return new EngineConfig(workers, bind, port, announced).withFaultInjection(faultInjection);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid media settings: " + e.getMessage(), e);
    }
  }

  private static InetAddress defaultAnnounced(InetAddress bind) {
    if (!bind.isAnyLocalAddress()) {
      return bind;
    }
    LOG.warning(
        () ->
            "Media sockets bind the wildcard address but "
                + ANNOUNCED_ADDRESS
                + " is not set: announcing 127.0.0.1, so only local peers can send media");
    return EngineConfig.loopback();
  }

  private static Optional<Integer> intValue(ConfigLookup config, String key) {
    return config
        .get(key)
        .map(
            value -> {
              try {
                return Integer.valueOf(value.trim());
              } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                    key + " must be an integer, was '" + value + "'");
              }
            });
  }

  /** "true" or "false", any case; anything else names the key (a typo must not pass silently). */
  private static Optional<Boolean> booleanValue(ConfigLookup config, String key) {
    return config
        .get(key)
        .map(
            value -> {
              String v = value.trim();
              if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                return Boolean.valueOf(v);
              }
              throw new IllegalArgumentException(
                  key + " must be true or false, was '" + value + "'");
            });
  }

  private static Optional<InetAddress> address(ConfigLookup config, String key) {
    return config
        .get(key)
        .map(
            value -> {
              try {
                return InetAddress.getByName(value.trim());
              } catch (UnknownHostException e) {
                throw new IllegalArgumentException(key + " is not an address: '" + value + "'", e);
              }
            });
  }
}
