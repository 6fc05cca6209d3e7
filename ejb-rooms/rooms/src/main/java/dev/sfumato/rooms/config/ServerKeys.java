package dev.sfumato.rooms.config;

import dev.sfumato.rooms.auth.AccessTokenVerifier;
import dev.sfumato.rooms.auth.ApiKeys;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.time.Clock;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The API keys this server accepts, read once at startup from {@code sfumato.keys} (environment
 * {@code SFUMATO_KEYS}): {@code "key1: secret1, key2: secret2"} as LiveKit writes them. A secret
 * shorter than 32 bytes stops the application from starting. With no keys configured the server
 * runs with the built-in development key and says so loudly.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ServerKeys {
  private static final Logger LOG = Logger.getLogger(ServerKeys.class.getName());

  private volatile ApiKeys keys;
  private volatile AccessTokenVerifier verifier;

  @PostConstruct
  void load() {
    Config config = ConfigProvider.getConfig();
    String spec = config.getOptionalValue("sfumato.keys", String.class).orElse("").trim();
    keys = spec.isEmpty() ? ApiKeys.development() : ApiKeys.parse(spec);
    verifier = new AccessTokenVerifier(keys, Clock.systemUTC());
    String url = ServerUrls.httpUrl(config);
    if (keys.isDevelopment()) {
      String secret = keys.secretFor(keys.firstKey()).orElseThrow();
      LOG.warning(
          () ->
              "\n*** Sfumato is running with its DEVELOPMENT API key. Development only: anyone who"
                  + " reads this log or the README can mint tokens. Set sfumato.keys"
                  + " (env SFUMATO_KEYS=\"key: secret-of-32-bytes-or-more\") for real use. ***\n"
                  + "    URL:        "
                  + url
                  + "\n    API key:    "
                  + keys.firstKey()
                  + "\n    API secret: "
                  + secret);
    } else {
      LOG.info(() -> "Sfumato is serving at " + url + " with API key(s) " + keys);
    }
  }

  public ApiKeys keys() {
    return keys;
  }

  public AccessTokenVerifier verifier() {
    return verifier;
  }
}
