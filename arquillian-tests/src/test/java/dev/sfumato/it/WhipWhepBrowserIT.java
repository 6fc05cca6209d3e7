package dev.sfumato.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.livekit.server.CanPublish;
import io.livekit.server.CanSubscribe;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The media path end to end with real browsers: Chromium publishes its fake camera and microphone
 * over WHIP with the server's own publisher page, two Chromium windows watch over WHEP with the
 * player page, and each must decode the video and receive audio. DELETE ends the publisher; the
 * viewers stop decoding; when everyone has left the server holds no session.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WhipWhepBrowserIT {
  private static final Duration MEDIA_LIMIT = Duration.ofSeconds(30);

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

  @ParameterizedTest
  @ValueSource(strings = {"video/VP8", "video/H264"})
  void aBrowserPublishesOverWhipAndTwoBrowsersWatchOverWhep(String codec) throws Exception {
    String room = "e2e-" + UUID.randomUUID();
    String publisherToken =
        Server.participantToken(
            "publisher", new RoomJoin(true), new RoomName(room), new CanPublish(true));
    try (Browser browser = new Browser()) {
      String publisher =
          browser.open(page("publish.html", room, publisherToken) + "&codec=" + enc(codec));
      browser.await(publisher, "window.sfumato.start()");
      browser.poll(
          publisher,
          "({state: window.sfumato.state, error: window.sfumato.error})",
          s -> "connected".equals(s.get("state")) || s.get("error") != null,
          MEDIA_LIMIT);

      String[] viewers = new String[2];
      for (int i = 0; i < viewers.length; i++) {
        String token =
            Server.participantToken(
                "viewer-" + i, new RoomJoin(true), new RoomName(room), new CanSubscribe(true));
        viewers[i] = browser.open(page("watch.html", room, token));
        long posted = System.nanoTime(); // start() sends the WHEP POST at once
        browser.await(viewers[i], "window.sfumato.start()");
        browser.poll(viewers[i], "window.sfumato.stats()", s -> framesDecoded(s) > 0, MEDIA_LIMIT);
        System.out.printf(
            "%s: viewer %d decoded its first frame %d ms after its WHEP POST%n",
            codec, i, (System.nanoTime() - posted) / 1_000_000);
      }
      long[] decoded = new long[viewers.length];
      long started = System.nanoTime();
      for (int i = 0; i < viewers.length; i++) {
        Map<String, Object> stats =
            browser.poll(
                viewers[i],
                "window.sfumato.stats()",
                s -> framesDecoded(s) > 20 && audioPackets(s) > 20,
                MEDIA_LIMIT);
        assertThat(video(stats).get("frameWidth")).as("viewer %d decodes video", i).isNotNull();
        assertThat(((Number) video(stats).get("frameWidth")).intValue()).isPositive();
        decoded[i] = framesDecoded(stats);
      }
      System.out.printf(
          "%s: both viewers past 20 decoded frames %d ms after both decoded their first%n",
          codec, (System.nanoTime() - started) / 1_000_000);

      garbageDoesNotDisturbTheViewers(browser, publisher, viewers, decoded);

      browser.await(publisher, "window.sfumato.stop()");
      Thread.sleep(3_000); // frames in flight drain
      for (int i = 0; i < viewers.length; i++) {
        long before =
            framesDecoded(
                browser.poll(viewers[i], "window.sfumato.stats()", s -> true, MEDIA_LIMIT));
        Thread.sleep(2_000);
        long after =
            framesDecoded(
                browser.poll(viewers[i], "window.sfumato.stats()", s -> true, MEDIA_LIMIT));
        assertThat(after).as("viewer %d sees the stream end", i).isEqualTo(before);
        assertThat(before).isGreaterThanOrEqualTo(decoded[i]);
        browser.await(viewers[i], "window.sfumato.stop()");
      }
    }
    var engine = Server.get("/admin/engine", Server.token(new io.livekit.server.RoomAdmin(true)));
    assertThat(engine.body()).contains("\"sessions\":0");
    assertThat(engine.body()).doesNotContainPattern("\"transports\":[1-9]");
  }

  /** Thousands of malformed datagrams at every media port: counted, and the video plays on. */
  private static void garbageDoesNotDisturbTheViewers(
      Browser browser, String publisher, String[] viewers, long[] decoded) throws Exception {
    String answer = (String) browser.run(publisher, "return pc.remoteDescription.sdp");
    String ufrag = answer.replaceAll("(?s).*a=ice-ufrag:(\\S+).*", "$1");
    int[] ports = MediaPorts.workerPorts().stream().mapToInt(Integer::intValue).toArray();
    int sent = new Garbage(ufrag).send(2_000, ports);
    for (int i = 0; i < viewers.length; i++) {
      long before = decoded[i];
      Map<String, Object> stats =
          browser.poll(
              viewers[i],
              "window.sfumato.stats()",
              s -> framesDecoded(s) > before + 40,
              MEDIA_LIMIT);
      decoded[i] = framesDecoded(stats);
    }
    var engine = Server.get("/admin/engine", Server.token(new io.livekit.server.RoomAdmin(true)));
    String body = engine.body();
    int workersEnd = body.indexOf("\"sessions\"");
    System.out.println(
        "after " + sent + " garbage datagrams: " + body.substring(0, Math.max(0, workersEnd)));
    for (String reason :
        new String[] {"STUN_MALFORMED", "STUN_REJECTED", "NO_TRANSPORT", "TRUNCATED"}) {
      assertThat(body).as(reason).containsPattern("\"" + reason + "\":[1-9]");
    }
  }

  private static String page(String page, String room, String token) {
    return Server.URL + "/live/" + page + "?room=" + enc(room) + "&token=" + enc(token);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> video(Map<String, Object> stats) {
    Object v = stats.get("video");
    return v instanceof Map ? (Map<String, Object>) v : Map.of();
  }

  private static long framesDecoded(Map<String, Object> stats) {
    Object f = video(stats).get("framesDecoded");
    return f instanceof Number n ? n.longValue() : 0;
  }

  @SuppressWarnings("unchecked")
  private static long audioPackets(Map<String, Object> stats) {
    Object a = stats.get("audio");
    if (!(a instanceof Map)) {
      return 0;
    }
    Object p = ((Map<String, Object>) a).get("packetsReceived");
    return p instanceof Number n ? n.longValue() : 0;
  }
}
