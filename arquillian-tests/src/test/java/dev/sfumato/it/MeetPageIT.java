package dev.sfumato.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.livekit.server.CanPublish;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The meet page and what it needs from the server, without the LiveKit signaling: the page and the
 * livekit-client library the build fetched from npm load, the development token endpoint mints
 * tokens (the test server runs with the development key) and refuses bad input, and a Room tries to
 * connect. {@link LiveKitClientIT} takes it from there.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MeetPageIT {
  private static final Duration LIMIT = Duration.ofSeconds(20);

  @ArquillianResource private ContainerController controller;
  @ArquillianResource private Deployer deployer;

  @Deployment(name = Server.DEPLOYMENT, managed = false, testable = false)
  static EnterpriseArchive ear() {
    return Server.ear();
  }

  @BeforeEach
  void server() {
    Server.ensureRunning(controller, deployer);
  }

  @Test
  void theLibraryAndItsLicenseAreServedBesideThePage() throws Exception {
    HttpResponse<String> lib = Server.get("/meet/livekit-client.umd.js", null);
    assertThat(lib.statusCode()).isEqualTo(200);
    assertThat(lib.headers().firstValue("Content-Type").orElse("")).contains("javascript");
    assertThat(lib.body()).contains("LivekitClient");
    HttpResponse<String> license = Server.get("/meet/livekit-client/LICENSE", null);
    assertThat(license.statusCode()).isEqualTo(200);
    assertThat(license.body()).contains("Apache License");
    for (String file : List.of("/meet/", "/meet/meet.js", "/meet/meet-data.js", "/meet/meet.css")) {
      assertThat(Server.get(file, null).statusCode()).as(file).isEqualTo(200);
    }
  }

  @Test
  void thePageLoadsTheSdkAndShowsTheDevelopmentFields() throws Exception {
    try (Browser browser = new Browser()) {
      MeetPage page = MeetPage.open(browser);
      assertThat(page.run("return LivekitClient.version")).isEqualTo("2.23.0");
      assertThat(page.run("return typeof LivekitClient.Room")).isEqualTo("function");
      assertThat(page.run("return Object.keys(window.meet).sort().join()"))
          .isEqualTo(
              "clearReceived,dataInfo,join,leave,performRpc,publish,publishData,received,"
                  + "registerRpcEcho,registerTextStreamHandler,rpcInvocations,sendText,"
                  + "setCameraEnabled,setMicMuted,state,stats,textStreams");
      assertThat(page.run("return document.getElementById('url').value"))
          .isEqualTo(MeetPage.SIGNAL_URL);
      assertThat(page.state()).containsEntry("connection", "idle");

      awaitScript(page, "return !document.getElementById('dev').hidden");
      page.run(
          "document.getElementById('room').value = 'ui-room';"
              + "document.getElementById('identity').value = 'ui-user';"
              + "document.getElementById('get-token').click()");
      awaitScript(page, "return document.getElementById('token').value.length > 0");
      String token = (String) page.run("return document.getElementById('token').value");
      assertThat(payload(token)).contains("\"sub\":\"ui-user\"").contains("\"room\":\"ui-room\"");
    }
  }

  /**
   * Whatever the signaling does, a forged token cannot join; the SDK then asks a validate endpoint
   * ({@code /rtc/v1/validate} or {@code /rtc/validate}) why, which shows the Room really tried to
   * connect. Until the signaling exists the SDK keeps retrying, so the test leaves after that.
   */
  @Test
  void aRoomTriesToConnect() throws Exception {
    var forged = new io.livekit.server.AccessToken(Server.API_KEY, "x".repeat(40));
    forged.setIdentity("mallory");
    forged.addGrants(new RoomJoin(true), new RoomName("meet-page-it"), new CanPublish(true));
    try (Browser browser = new Browser()) {
      MeetPage page = MeetPage.open(browser);
      page.startJoin(forged.toJwt(), true);
      awaitScript(
          page,
          "return performance.getEntriesByType('resource').map(e => e.name)"
              + ".some(n => n.includes('/rtc') && n.includes('/validate'))");
      Object outcome = page.run("return window.meetJoin || null");
      System.out.println(
          "a forged token, as the meet page sees it: "
              + outcome
              + ", status: "
              + page.run("return document.getElementById('status').textContent"));
      assertThat(page.state().get("connection")).isIn("connecting", "disconnected", "idle");
      page.leave();
    }
  }

  @Test
  void theDevelopmentTokenEndpointIsOnWithTheDevelopmentKey() throws Exception {
    HttpResponse<String> enabled = Server.get("/meet/dev-token/enabled", null);
    assertThat(enabled.statusCode()).isEqualTo(200);
    assertThat(enabled.body()).isEqualTo("{\"enabled\":true}");

    HttpResponse<String> minted = mint("room one", "ann");
    assertThat(minted.statusCode()).isEqualTo(200);
    assertThat(minted.headers().firstValue("Cache-Control")).hasValue("no-store");
    String token = minted.body().replaceAll("(?s).*\"token\":\"([^\"]+)\".*", "$1");
    assertThat(signatureIsValid(token)).as("HS256 with the development secret").isTrue();
    assertThat(payload(token))
        .contains("\"iss\":\"devkey\"", "\"sub\":\"ann\"", "\"room\":\"room one\"")
        .contains("\"roomJoin\":true", "\"canPublish\":true", "\"canSubscribe\":true")
        .contains("\"canPublishData\":true");
    long nbf = Long.parseLong(payload(token).replaceAll("(?s).*\"nbf\":(\\d+).*", "$1"));
    long exp = Long.parseLong(payload(token).replaceAll("(?s).*\"exp\":(\\d+).*", "$1"));
    assertThat(exp - nbf).as("six hours").isEqualTo(6 * 3600);
  }

  @Test
  void theDevelopmentTokenEndpointRefusesBadInput() throws Exception {
    assertThat(Server.request("POST", "/meet/dev-token?identity=ann", null).statusCode())
        .as("no room")
        .isEqualTo(400);
    assertThat(Server.request("POST", "/meet/dev-token?room=r", null).statusCode())
        .as("no identity")
        .isEqualTo(400);
    assertThat(mint("  ", "ann").statusCode()).as("blank room").isEqualTo(400);
    assertThat(mint("r".repeat(257), "ann").statusCode()).as("long room").isEqualTo(400);
    assertThat(mint("r", "a".repeat(257)).statusCode()).as("long identity").isEqualTo(400);
    HttpResponse<String> control = mint("r", "an\u0001n");
    assertThat(control.statusCode()).as("control character").isEqualTo(400);
    assertThat(control.body()).contains("\"error\"").contains("control characters");
    assertThat(Server.get("/meet/dev-token?room=r&identity=ann", null).statusCode())
        .as("GET does not mint")
        .isEqualTo(405);
  }

  // ---- helpers -----------------------------------------------------------------------------

  private static HttpResponse<String> mint(String room, String identity) throws Exception {
    return Server.request(
        "POST", "/meet/dev-token?room=" + enc(room) + "&identity=" + enc(identity), null);
  }

  private static void awaitScript(MeetPage page, String script) throws InterruptedException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!Boolean.TRUE.equals(page.run(script))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out: " + script);
      }
      Thread.sleep(100);
    }
  }

  private static String payload(String jwt) {
    String[] parts = jwt.split("\\.");
    return new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
  }

  private static boolean signatureIsValid(String jwt) throws Exception {
    int lastDot = jwt.lastIndexOf('.');
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Server.API_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected = mac.doFinal(jwt.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
    byte[] actual = Base64.getUrlDecoder().decode(jwt.substring(lastDot + 1));
    return MessageDigest.isEqual(expected, actual);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
