package dev.sfumato.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.livekit.server.CanPublish;
import io.livekit.server.CanPublishData;
import io.livekit.server.CanSubscribe;
import io.livekit.server.RoomAdmin;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import livekit.LivekitModels.DataPacket;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Data messages between livekit-client 2.23.0 participants (the meet page in Chromium) over both
 * signaling protocols: {@code true} is v1 (one peer connection), {@code false} v0 (publisher and
 * subscriber connections). Nobody publishes media. One Chromium serves the class; each protocol
 * path has one room whose alice and bob stay for all the cases, run in order (carol and mallory
 * join the cases that need them). Every case uses topics of its own, so that a late message of an
 * earlier case cannot count in a later one.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveKitDataIT {
  /** Loopback delivery takes milliseconds; this allows for a loaded CI machine. */
  private static final Duration LIMIT = Duration.ofSeconds(15);

  /**
   * How long a message that must not arrive is waited for, after a message that must arrive has.
   */
  private static final Duration GRACE = Duration.ofMillis(1500);

  /** 5 % loss each way costs SCTP retransmissions, some after a timeout (RFC 9260 §6.3.3). */
  private static final Duration LOSSY_LINK_LIMIT = Duration.ofSeconds(60);

  private static Browser browser;
  private static final Map<Boolean, DataParty> PARTIES = new HashMap<>();

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

  @AfterAll
  static void closeBrowser() throws IOException {
    for (DataParty p : PARTIES.values()) {
      try {
        Server.roomService().deleteRoom(p.room).execute();
      } catch (IOException | RuntimeException e) {
        // the browser's end empties the room anyway
      }
    }
    PARTIES.clear();
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  @ParameterizedTest(name = "singlePeerConnection={0}")
  @ValueSource(booleans = {true, false})
  @Order(1)
  void reliableMessagesGoBothWays(boolean singlePeerConnection) throws Exception {
    DataParty p = party(singlePeerConnection);
    String topic = topic("reliable");
    String text = "hello from alice: grüße 👋";
    ok(p.alice.publishData(text, topic, true, List.of()));
    Map<String, Object> got = single(p.bob.awaitReceived(topic, 1, LIMIT));
    assertThat(got)
        .containsEntry("from", "alice")
        .containsEntry("topic", topic)
        .containsEntry("kind", "reliable")
        .containsEntry("text", text);
    assertThat(number(got, "size")).isEqualTo(text.getBytes(UTF_8).length);

    ok(p.bob.publishData("and back from bob", topic, true, List.of()));
    got = single(p.alice.awaitReceived(topic, 1, LIMIT));
    assertThat(got).containsEntry("from", "bob").containsEntry("text", "and back from bob");
  }

  @ParameterizedTest(name = "singlePeerConnection={0}")
  @ValueSource(booleans = {true, false})
  @Order(2)
  void lossyMessagesMostlyArriveWithoutLoss(boolean singlePeerConnection) throws Exception {
    DataParty p = party(singlePeerConnection);
    String topic = topic("lossy");
    int sent = 20;
    ok(
        p.alice.await(
            "(async () => { for (let i = 0; i < "
                + sent
                + "; i++) await window.meet.publishData('lossy ' + i, {reliable: false, topic: "
                + MeetPage.js(topic)
                + "}); return {}; })()"));
    // Unordered and unreliable (maxRetransmits 0): no order, and a few may be missing even here.
    List<Map<String, Object>> got = settled(p.bob, topic, sent, Duration.ofSeconds(5));
    assertThat(got.size()).as("lossy messages received of %d", sent).isBetween(15, sent);
    assertThat(got).allSatisfy(e -> assertThat(e).containsEntry("kind", "lossy"));
    assertThat(got).allSatisfy(e -> assertThat(e).containsEntry("from", "alice"));
    List<Object> texts = got.stream().map(e -> e.get("text")).toList();
    assertThat(texts).doesNotHaveDuplicates();
    assertThat(texts).allSatisfy(t -> assertThat((String) t).matches("lossy (1?[0-9])"));
  }

  @ParameterizedTest(name = "singlePeerConnection={0}")
  @ValueSource(booleans = {true, false})
  @Order(3)
  void aTargetedMessageReachesOnlyItsDestination(boolean singlePeerConnection) throws Exception {
    DataParty p = party(singlePeerConnection);
    MeetPage carol = p.carol();
    String topic = topic("targeted");
    ok(p.alice.publishData("for bob only", topic, true, List.of("bob")));
    assertThat(texts(p.bob.awaitReceived(topic, 1, LIMIT))).containsExactly("for bob only");

    // alice's reliable channel is ordered: had carol been sent the first message, she would
    // have it before this one.
    ok(p.alice.publishData("for everyone", topic, true, List.of()));
    assertThat(texts(carol.awaitReceived(topic, 1, LIMIT))).containsExactly("for everyone");
    assertThat(texts(p.bob.awaitReceived(topic, 2, LIMIT)))
        .containsExactly("for bob only", "for everyone");
    Thread.sleep(GRACE.toMillis());
    assertThat(texts(MeetPage.entries(carol.received(topic)))).containsExactly("for everyone");
  }

  @ParameterizedTest(name = "singlePeerConnection={0}")
  @ValueSource(booleans = {true, false})
  @Order(4)
  void rpcGetsItsResponseAndItsError(boolean singlePeerConnection) throws Exception {
    DataParty p = party(singlePeerConnection);
    String method = topic("echo");
    p.bob.registerRpcEcho(method);
    String payload = "ping ✓ " + UUID.randomUUID();

    Map<String, Object> result = p.alice.performRpc("bob", method, payload);
    assertThat(result).as("performRpc").containsEntry("response", payload);
    assertThat(p.bob.rpcInvocations())
        .anySatisfy(
            i ->
                assertThat(i)
                    .containsEntry("method", method)
                    .containsEntry("caller", "alice")
                    .containsEntry("payload", payload));

    // bob's SDK answers an unknown method itself: the error travels back like a response.
    Map<String, Object> unknown = p.alice.performRpc("bob", method + "-unknown", "x");
    assertThat(unknown.get("error")).as("error of an unknown method: %s", unknown).isNotNull();
    assertThat(unknown).doesNotContainKey("response");
  }

  @ParameterizedTest(name = "singlePeerConnection={0}")
  @ValueSource(booleans = {true, false})
  @Order(5)
  void twoHundredReliable4KbMessagesArriveCompleteAndInOrder(boolean singlePeerConnection)
      throws Exception {
    DataParty p = party(singlePeerConnection);
    String topic = topic("series");
    DataSeries.assertComplete(DataSeries.sendAndReceive(p.alice, p.bob, topic, LIMIT), "alice");
  }

  @ParameterizedTest(name = "singlePeerConnection={0}")
  @ValueSource(booleans = {true, false})
  @Order(6)
  void reliableMessagesLoseNothingThroughFivePercentLoss(boolean singlePeerConnection)
      throws Exception {
    DataParty p = party(singlePeerConnection);
    String topic = topic("series-loss");
    long droppedBefore = injectedDrops();
    injectLoss(5);
    try {
      DataSeries.assertComplete(
          DataSeries.sendAndReceive(p.alice, p.bob, topic, LOSSY_LINK_LIMIT), "alice");
    } finally {
      injectLoss(0);
    }
    // 200 x 4 KB are ~700 SCTP packets to the server and as many from it: 5 % is dozens dropped.
    assertThat(injectedDrops() - droppedBefore)
        .as("datagrams the engine dropped")
        .isGreaterThan(20);
    // The link is clean again: a message goes through at once.
    String after = topic("after-loss");
    ok(p.bob.publishData("clean again", after, true, List.of()));
    assertThat(texts(p.alice.awaitReceived(after, 1, LIMIT))).containsExactly("clean again");
  }

  @ParameterizedTest(name = "singlePeerConnection={0}")
  @ValueSource(booleans = {true, false})
  @Order(7)
  void sendTextArrivesAsATextStream(boolean singlePeerConnection) throws Exception {
    DataParty p = party(singlePeerConnection);
    String topic = topic("text");
    p.bob.registerTextStreamHandler(topic);
    String shortText = "a text stream: ünïcödé 🎉";
    ok(p.alice.sendText(shortText, topic, List.of()));
    Map<String, Object> got = single(p.bob.awaitTextStreams(topic, 1, LIMIT));
    assertThat(got).containsEntry("from", "alice").containsEntry("text", shortText);

    // 40 000 bytes: the SDK cuts a stream into chunks of 15 000 bytes at most, which must be
    // delivered complete and in order for the text to come out whole.
    StringBuilder b = new StringBuilder();
    for (int i = 0; b.length() < 40_000; i++) {
      b.append(i).append(' ');
    }
    String longText = b.substring(0, 40_000);
    ok(p.alice.sendText(longText, topic, List.of("bob")));
    got = p.bob.awaitTextStreams(topic, 2, LIMIT).get(1);
    assertThat(number(got, "size")).isEqualTo(40_000);
    assertThat(got).containsEntry("hash", MeetPage.fnv1a(longText.getBytes(UTF_8)));
  }

  @ParameterizedTest(name = "singlePeerConnection={0}")
  @ValueSource(booleans = {true, false})
  @Order(8)
  void withoutCanPublishDataNothingReachesAnyone(boolean singlePeerConnection) throws Exception {
    DataParty p = party(singlePeerConnection);
    String token =
        Server.participantToken(
            "mallory",
            new RoomJoin(true),
            new RoomName(p.room),
            new CanPublish(true),
            new CanSubscribe(true),
            new CanPublishData(false));
    MeetPage mallory = p.join(token);
    try {
      // mallory receives: her data path is up, so what she sends would have a way out.
      String incoming = topic("to-mallory");
      ok(p.alice.publishData("welcome", incoming, true, List.of("mallory")));
      assertThat(texts(mallory.awaitReceived(incoming, 1, LIMIT))).containsExactly("welcome");

      // Her SDK does not know she lacks the grant: it sends, or waits for a channel the server
      // may never open. Either is fine as long as nothing arrives; 5 s bound the wait.
      String topic = topic("forbidden");
      Map<String, Object> sent =
          mallory.await(
              "Promise.race([Promise.all(["
                  + "window.meet.publishData('from mallory', {topic: "
                  + MeetPage.js(topic)
                  + "}), window.meet.publishData('to bob', {topic: "
                  + MeetPage.js(topic)
                  + ", destinationIdentities: ['bob']})]).then(() => ({sent: true})),"
                  + " new Promise(r => setTimeout(() => r({sent: 'pending after 5 s'}), 5000))])");
      System.out.println("mallory's publishData without the grant: " + sent);
      Thread.sleep(GRACE.toMillis());
      assertThat(MeetPage.count(p.alice.received(topic))).as("alice got mallory's").isZero();
      assertThat(MeetPage.count(p.bob.received(topic))).as("bob got mallory's").isZero();
    } finally {
      mallory.leave();
    }
  }

  @ParameterizedTest(name = "singlePeerConnection={0}")
  @ValueSource(booleans = {true, false})
  @Order(9)
  void dataSentThroughTheRoomServiceArrivesWithItsTopic(boolean singlePeerConnection)
      throws Exception {
    DataParty p = party(singlePeerConnection);
    String topic = topic("server");
    var rooms = Server.roomService();
    var targeted =
        rooms
            .sendData(
                p.room,
                "for alice from the server".getBytes(UTF_8),
                DataPacket.Kind.RELIABLE,
                List.of(),
                List.of("alice"),
                topic)
            .execute();
    assertThat(targeted.code()).as("SendData to alice").isEqualTo(200);
    var everyone =
        rooms
            .sendData(
                p.room,
                "for everyone from the server".getBytes(UTF_8),
                DataPacket.Kind.RELIABLE,
                List.of(),
                List.of(),
                topic)
            .execute();
    assertThat(everyone.code()).as("SendData to everyone").isEqualTo(200);

    List<Map<String, Object>> alice = p.alice.awaitReceived(topic, 2, LIMIT);
    assertThat(texts(alice))
        .containsExactly("for alice from the server", "for everyone from the server");
    assertThat(alice).allSatisfy(e -> assertThat(e).containsEntry("kind", "reliable"));
    // The server's channel to bob is ordered too: the targeted message would come first.
    assertThat(texts(p.bob.awaitReceived(topic, 1, LIMIT)))
        .containsExactly("for everyone from the server");
    Thread.sleep(GRACE.toMillis());
    assertThat(texts(MeetPage.entries(p.bob.received(topic))))
        .containsExactly("for everyone from the server");
  }

  /** LiveKit v0: a participant who can subscribe receives data on the subscriber connection. */
  @Test
  @Order(10)
  void inV0TheSubscriberConnectionIsPrimary() throws Exception {
    Map<String, Object> info = party(false).bob.dataInfo();
    assertThat(info).as("dataInfo in v0").containsEntry("subscriberPrimary", true);
    assertThat(info).containsEntry("subscriberReliable", "open");
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** The party of the protocol path, joined at its first case. */
  private static DataParty party(boolean singlePeerConnection) throws Exception {
    DataParty p = PARTIES.get(singlePeerConnection);
    if (p == null) {
      if (browser == null) {
        browser = new Browser();
      }
      p = new DataParty(browser, singlePeerConnection, LIMIT);
      PARTIES.put(singlePeerConnection, p);
    }
    return p;
  }

  /** PUT /admin/engine/loss: drops {@code percent} of the DTLS and SRTP datagrams each way. */
  private static void injectLoss(int percent) throws IOException {
    var r =
        Server.request(
            "PUT",
            "/admin/engine/loss",
            "{\"percent\": " + percent + "}",
            "Content-Type",
            "application/json",
            "Authorization",
            "Bearer " + Server.token(new RoomAdmin(true)));
    assertThat(r.statusCode())
        .as("PUT /admin/engine/loss %d %%: %s", percent, r.body())
        .isEqualTo(204);
  }

  /** The engine's INJECTED_LOSS drop counters, summed over its workers (GET /admin/engine). */
  private static long injectedDrops() throws IOException {
    var r = Server.get("/admin/engine", Server.token(new RoomAdmin(true)));
    assertThat(r.statusCode()).isEqualTo(200);
    var m = java.util.regex.Pattern.compile("\"INJECTED_LOSS\":(\\d+)").matcher(r.body());
    long sum = 0;
    while (m.find()) {
      sum += Long.parseLong(m.group(1));
    }
    return sum;
  }

  /** The log of {@code topic} once it holds {@code count} entries or {@code limit} is up. */
  private static List<Map<String, Object>> settled(
      MeetPage page, String topic, int count, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    Map<String, Object> log = page.received(topic);
    while (MeetPage.count(log) < count && System.nanoTime() < deadline) {
      Thread.sleep(250);
      log = page.received(topic);
    }
    return MeetPage.entries(log);
  }

  private static String topic(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static List<Object> texts(List<Map<String, Object>> entries) {
    return entries.stream().map(e -> e.get("text")).toList();
  }

  private static Map<String, Object> single(List<Map<String, Object>> entries) {
    assertThat(entries).hasSize(1);
    return entries.get(0);
  }

  static long number(Map<String, Object> map, String key) {
    return map.get(key) instanceof Number n ? n.longValue() : -1;
  }

  private static Map<String, Object> ok(Map<String, Object> result) {
    assertThat(MeetPage.error(result)).as("error of %s", result).isNull();
    return result;
  }
}
