package dev.sfumato.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * WebRTC data channels (RFC 8831: SCTP over DTLS, RFC 8832 DCEP) between Chromium's own stack and
 * the server's loopback resource {@code /live/loopback}, which echoes every message on the channel
 * it came on, with its type. The page is driven through {@link EchoPage}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DataChannelEchoIT {
  /** Binary sizes up to the server's a=max-message-size (262144, RFC 8841 §6). */
  private static final List<Integer> SIZES = List.of(1, 2, 1000, 16384, 65536, 262144);

  private static final Duration LIMIT = Duration.ofSeconds(10);

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

  private static String token() {
    return Server.participantToken("echo", new RoomJoin(true), new RoomName("loopback"));
  }

  @Test
  void everyMessageComesBackOnItsChannelUntilTheChannelAndTheSessionClose() throws Exception {
    String token = token();
    try (Browser browser = new Browser()) {
      EchoPage page = EchoPage.open(browser);
      Map<String, Object> connected = page.connect(token);
      assertThat(connected.get("status")).as("POST /live/loopback: %s", connected).isEqualTo(201L);
      String location = (String) connected.get("location");
      assertThat(location).as("Location").contains("/live/loopback/");
      assertThat((String) connected.get("answer")).contains("m=application", "a=sctp-port:");

      for (int size : SIZES) {
        Map<String, Object> echo = page.binary("echo", size);
        assertThat(echo).as("binary echo of %d bytes", size).containsEntry("type", "binary");
        assertThat(echo.get("size")).as("size of the echo of %d", size).isEqualTo((long) size);
        assertThat(echo.get("mismatch")).as("first wrong byte of %d", size).isEqualTo(-1L);
      }
      for (String text : List.of("hello", "grüße, 日本語, 🎉", "x".repeat(5000), "")) {
        Map<String, Object> echo = page.text("echo", text);
        if (echo.containsKey("skipped")) {
          System.out.println("Chromium would not send " + js(text) + ": " + echo.get("skipped"));
          continue;
        }
        assertThat(echo).as("echo of %s", js(text)).containsEntry("type", "string");
        assertThat(echo.get("text")).as("echo of %s", js(text)).isEqualTo(text);
      }
      Map<String, Object> burst = page.burst("echo", 50);
      assertThat(burst).as("50 messages in a burst, in order").containsEntry("inOrder", true);

      // A channel opened later (DCEP on the running association) echoes too; the first still does.
      assertThat(page.open("second")).containsEntry("readyState", "open");
      assertThat(page.text("second", "on the second channel"))
          .containsEntry("text", "on the second channel");
      assertThat(page.binary("second", 1000)).containsEntry("mismatch", -1L);
      assertThat(page.text("echo", "still here")).containsEntry("text", "still here");

      // Closing resets the stream both ways (RFC 8831 §6.7); close fires when the server's half
      // is reset too.
      assertThat(page.close("echo")).as("close of the first channel").containsEntry("closed", true);
      assertThat(page.text("second", "after the first closed"))
          .containsEntry("text", "after the first closed");

      var deleted =
          Server.request("DELETE", path(location), null, "Authorization", "Bearer " + token);
      assertThat(deleted.statusCode()).as("DELETE %s", location).isEqualTo(204);
      System.out.println("after DELETE: " + page.awaitSettled("second", LIMIT));
      page.closeAll();
    }
  }

  @Test
  void anOfferWithoutADataSectionIsABadRequest() throws Exception {
    var r = post(offer("chromium-whep-recvonly.sdp"), token());
    assertThat(r.statusCode()).as("audio/video only: %s", r.body()).isEqualTo(400);
    assertThat(r.body()).as("a message says why").isNotBlank();
  }

  @Test
  void anOfferWithoutATokenIsUnauthorized() throws Exception {
    var r = post(offer("chromium-datachannel.sdp"), null);
    assertThat(r.statusCode()).as("no Authorization: %s", r.body()).isEqualTo(401);
  }

  private static java.net.http.HttpResponse<String> post(String sdp, String token)
      throws IOException {
    return Server.post(
        "/live/loopback", "application/sdp", sdp.getBytes(StandardCharsets.UTF_8), token);
  }

  private static String offer(String name) throws IOException {
    try (InputStream in = DataChannelEchoIT.class.getResourceAsStream("/offers/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The Location may be absolute or a path. */
  private static String path(String location) {
    return location.startsWith("http") ? URI.create(location).getRawPath() : location;
  }

  private static String js(String text) {
    return text.length() > 40 ? MeetPage.js(text.substring(0, 40)) + "…" : MeetPage.js(text);
  }
}
