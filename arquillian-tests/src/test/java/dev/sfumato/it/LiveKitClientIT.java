package dev.sfumato.it;

import static dev.sfumato.it.MeetPage.remote;
import static dev.sfumato.it.MeetPage.stat;
import static dev.sfumato.it.MeetPage.subscribedToBoth;
import static dev.sfumato.it.MeetPage.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.livekit.server.AccessToken;
import io.livekit.server.CanPublish;
import io.livekit.server.CanPublishData;
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
 * The official LiveKit JS SDK (livekit-client 2.23.0 on the server's meet page) in real Chromium
 * windows, over both signaling protocols: {@code true} is v1 (one peer connection, {@code
 * /rtc/v1}), {@code false} v0 (publisher and subscriber connections, {@code /rtc}). Participants
 * publish the fake camera and microphone; everyone must see, decode and hear everyone else.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LiveKitClientIT {
  private static final Duration SIGNAL_LIMIT = Duration.ofSeconds(20);
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

  @ParameterizedTest(name = "singlePeerConnection={0}")
  @ValueSource(booleans = {true, false})
  void twoParticipantsSeeAndHearEachOther(boolean singlePeerConnection) throws Exception {
    String room = room();
    try (Browser browser = new Browser()) {
      MeetPage a = publisher(browser, room, "alice", singlePeerConnection);
      MeetPage b = publisher(browser, room, "bob", singlePeerConnection);
      receivesMedia(a, "bob");
      receivesMedia(b, "alice");
    }
  }

  @ParameterizedTest(name = "singlePeerConnection={0}")
  @ValueSource(booleans = {true, false})
  void mutingTheMicrophoneShowsOnTheOtherSide(boolean singlePeerConnection) throws Exception {
    String room = room();
    try (Browser browser = new Browser()) {
      MeetPage a = publisher(browser, room, "alice", singlePeerConnection);
      MeetPage b = publisher(browser, room, "bob", singlePeerConnection);
      b.awaitState(s -> subscribedToBoth(s, "alice"), SIGNAL_LIMIT);

      a.setMicMuted(true);
      b.awaitState(s -> MeetPage.isTrue(track(s, "alice", "audio"), "muted"), SIGNAL_LIMIT);
      assertThat(track(b.state(), "alice", "video").get("muted")).isEqualTo(false);

      a.setMicMuted(false);
      b.awaitState(
          s -> Boolean.FALSE.equals(track(s, "alice", "audio").get("muted")), SIGNAL_LIMIT);
    }
  }

  @ParameterizedTest(name = "singlePeerConnection={0}")
  @ValueSource(booleans = {true, false})
  void aLateJoinerReceivesEveryone(boolean singlePeerConnection) throws Exception {
    String room = room();
    try (Browser browser = new Browser()) {
      MeetPage a = publisher(browser, room, "alice", singlePeerConnection);
      MeetPage b = publisher(browser, room, "bob", singlePeerConnection);
      receivesMedia(a, "bob");

      MeetPage c = publisher(browser, room, "carol", singlePeerConnection);
      receivesMedia(c, "alice");
      receivesMedia(c, "bob");
      receivesMedia(a, "carol");
      receivesMedia(b, "carol");
    }
  }

  @ParameterizedTest(name = "singlePeerConnection={0}")
  @ValueSource(booleans = {true, false})
  void aParticipantWhoLeavesDisappearsFromTheOthers(boolean singlePeerConnection) throws Exception {
    String room = room();
    try (Browser browser = new Browser()) {
      MeetPage a = publisher(browser, room, "alice", singlePeerConnection);
      MeetPage b = publisher(browser, room, "bob", singlePeerConnection);
      MeetPage c = publisher(browser, room, "carol", singlePeerConnection);
      a.awaitState(s -> remote(s, "bob") != null && remote(s, "carol") != null, SIGNAL_LIMIT);

      b.leave();
      assertThat(b.state().get("connection")).isEqualTo("idle");
      // A clean leave is signaled at once; "a few seconds" allows for the server's fan-out.
      Duration leaveLimit = Duration.ofSeconds(5);
      a.awaitState(s -> remote(s, "bob") == null, leaveLimit);
      c.awaitState(s -> remote(s, "bob") == null, leaveLimit);
      assertThat(remote(a.state(), "carol")).as("carol stays").isNotNull();
    }
  }

  @ParameterizedTest(name = "singlePeerConnection={0}")
  @ValueSource(booleans = {true, false})
  void aTokenWithTheWrongSignatureIsNotAllowed(boolean singlePeerConnection) throws Exception {
    AccessToken forged =
        new AccessToken(Server.API_KEY, "not-the-secret-of-this-server-0123456789");
    forged.setIdentity("mallory");
    forged.addGrants(new RoomJoin(true), new RoomName(room()), new CanPublish(true));
    try (Browser browser = new Browser()) {
      MeetPage m = MeetPage.open(browser);
      Map<String, Object> result = m.join(forged.toJwt(), singlePeerConnection);
      assertThat(MeetPage.error(result)).isNotNull().containsIgnoringCase("not allowed");
      assertThat(m.state().get("error").toString()).containsIgnoringCase("not allowed");
    }
  }

  /**
   * One room for everyone: Chromium publishes over WHIP (the server's publish page) and a
   * livekit-client participant sees that publisher as a participant, subscribes and decodes.
   */
  @ParameterizedTest(name = "singlePeerConnection={0}")
  @ValueSource(booleans = {true, false})
  void aLiveKitParticipantWatchesAWhipPublisher(boolean singlePeerConnection) throws Exception {
    String room = room();
    try (Browser browser = new Browser()) {
      String whip =
          browser.open(
              Server.URL
                  + "/live/publish.html?room="
                  + URLEncoder.encode(room, StandardCharsets.UTF_8)
                  + "&token="
                  + URLEncoder.encode(token(room, "obs"), StandardCharsets.UTF_8));
      browser.await(whip, "window.sfumato.start()");
      MeetPage viewer = MeetPage.open(browser).joined(token(room, "viewer"), singlePeerConnection);
      receivesMedia(viewer, "obs");
    }
  }

  // ---- helpers -----------------------------------------------------------------------------

  private static String room() {
    return "lk-" + UUID.randomUUID();
  }

  private static String token(String room, String identity) {
    return Server.participantToken(
        identity,
        new RoomJoin(true),
        new RoomName(room),
        new CanPublish(true),
        new CanSubscribe(true),
        new CanPublishData(true));
  }

  /** A new window that joins {@code room} as {@code identity} and publishes camera and mic. */
  private static MeetPage publisher(
      Browser browser, String room, String identity, boolean singlePeerConnection)
      throws InterruptedException {
    MeetPage page = MeetPage.open(browser).joined(token(room, identity), singlePeerConnection);
    page.publish();
    page.awaitState(s -> localTracks(s) >= 2, SIGNAL_LIMIT);
    return page;
  }

  private static int localTracks(Map<String, Object> state) {
    return state.get("local") instanceof java.util.List<?> l ? l.size() : 0;
  }

  /**
   * {@code page} has {@code identity}'s audio and video subscribed, decodes the video and receives
   * audio bytes.
   */
  private static void receivesMedia(MeetPage page, String identity) throws InterruptedException {
    Map<String, Object> state = page.awaitState(s -> subscribedToBoth(s, identity), MEDIA_LIMIT);
    Object videoSid = track(state, identity, "video").get("sid");
    Object audioSid = track(state, identity, "audio").get("sid");
    Map<String, Object> stats =
        page.awaitStats(
            s -> stat(s, videoSid, "framesDecoded") > 0 && stat(s, audioSid, "bytesReceived") > 0,
            MEDIA_LIMIT);
    assertThat(stat(stats, videoSid, "frameWidth")).as("%s's video width", identity).isPositive();
  }
}
