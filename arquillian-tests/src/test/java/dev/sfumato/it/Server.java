package dev.sfumato.it;

import io.livekit.server.AccessToken;
import io.livekit.server.RoomServiceClient;
import io.livekit.server.VideoGrant;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/**
 * The server under test: the EAR built by the ear module, deployed as {@code sfumato.ear} on the
 * managed Liberty server "sfumato-it" (ports from the pom). The container runs in manual mode so
 * that tests can restart it and redeploy; every test class calls {@link #ensureRunning} first and
 * the server stays up between classes.
 */
final class Server {
  static final String CONTAINER = "liberty";
  static final String DEPLOYMENT = "sfumato";

  /** The development key: the test server runs without configured keys. */
  static final String API_KEY = "devkey";

  static final String API_SECRET = "sfumato-development-secret-0123456789";

  static final int HTTP_PORT = Integer.getInteger("sfumato.it.http.port", 17880);
  static final int MEDIA_PORT = Integer.getInteger("sfumato.it.media.port", 17882);
  static final int MEDIA_WORKERS = Integer.getInteger("sfumato.it.media.workers", 2);
  static final String URL = "http://127.0.0.1:" + HTTP_PORT;

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Server() {}

  static EnterpriseArchive ear() {
    File ear = new File(System.getProperty("sfumato.it.ear", "target/sfumato.ear"));
    return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
  }

  /**
   * Starts the server if needed and deploys the EAR if it is not there. Arquillian undeploys a
   * manual deployment when its test class ends, so each class deploys once, at its first test.
   */
  static void ensureRunning(ContainerController controller, Deployer deployer) {
    if (!controller.isStarted(CONTAINER)) {
      controller.start(CONTAINER);
    }
    if (!isDeployed()) {
      deployer.deploy(DEPLOYMENT);
    }
  }

  /**
   * Waits until the application answers ready: after a server restart Liberty starts the dropins
   * application in the background, after the server itself reports started.
   */
  static void awaitReady(Duration limit) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (get("/health/ready", null).statusCode() == 200 && isDeployed()) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IOException("server not ready within " + limit);
  }

  /** The admin API answers 401 to an anonymous call when the application runs, else 404. */
  static boolean isDeployed() {
    try {
      return get("/admin/engine", null).statusCode() != 404;
    } catch (IOException e) {
      return false;
    }
  }

  static RoomServiceClient roomService(String secret) {
    return RoomServiceClient.create(URL, API_KEY, secret, false);
  }

  static RoomServiceClient roomService() {
    return roomService(API_SECRET);
  }

  static String token(VideoGrant... grants) {
    AccessToken token = new AccessToken(API_KEY, API_SECRET);
    token.addGrants(grants);
    return token.toJwt();
  }

  static String participantToken(String identity, VideoGrant... grants) {
    AccessToken token = new AccessToken(API_KEY, API_SECRET);
    token.setIdentity(identity);
    token.addGrants(grants);
    return token.toJwt();
  }

  static HttpResponse<String> get(String path, String bearer) throws IOException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(URL + path)).GET();
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return send(b);
  }

  static HttpResponse<String> post(String path, String contentType, byte[] body, String bearer)
      throws IOException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(URL + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return send(b);
  }

  /** Any request, for the HTTP protocol tests: {@code headers} are name, value pairs. */
  static HttpResponse<String> request(String method, String path, String body, String... headers)
      throws IOException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(URL + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b);
  }

  private static HttpResponse<String> send(HttpRequest.Builder b) throws IOException {
    try {
      return HTTP.send(
          b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
