package dev.sfumato.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.livekit.server.CanPublish;
import io.livekit.server.CanSubscribe;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
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
 * Every status code of WHIP (RFC 9725) and WHEP as Sfumato answers them, driven by raw HTTP with an
 * offer captured from libdatachannel set up as OBS sets up its WHIP output.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WhipWhepProtocolIT {
  private static final String SDP = "application/sdp";
  private static final String FRAG = "application/trickle-ice-sdpfrag";

  @ArquillianResource private ContainerController controller;
  @ArquillianResource private Deployer deployer;

  private final String room = "proto-" + UUID.randomUUID();

  @Deployment(name = Server.DEPLOYMENT, managed = false, testable = false)
  static EnterpriseArchive ear() {
    return Server.ear();
  }

  @BeforeEach
  void server() {
    Server.ensureRunning(controller, deployer);
  }

  private String publishToken() {
    return Server.participantToken(
        "obs", new RoomJoin(true), new RoomName(room), new CanPublish(true));
  }

  private static String offer(String name) throws IOException {
    try (InputStream in = WhipWhepProtocolIT.class.getResourceAsStream("/offers/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void optionsAnswersThePreflightWithCorsAndAcceptPost() throws Exception {
    var r =
        Server.request(
            "OPTIONS",
            "/live/whip/" + room,
            null,
            "Origin",
            "http://example.test",
            "Access-Control-Request-Method",
            "POST");
    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(r.headers().firstValue("Access-Control-Expose-Headers").orElse(""))
        .contains("Location", "ETag", "Link");
    assertThat(r.headers().firstValue("Accept-Post")).hasValue(SDP);
    assertThat(r.headers().firstValue("Access-Control-Allow-Methods").orElse(""))
        .contains("POST", "PATCH", "DELETE");
  }

  @Test
  void refusesWrongContentTypeMissingOrBadTokensAndBadSdp() throws Exception {
    String path = "/live/whip/" + room;
    String offer = offer("libdatachannel-obs-h264-nocandidates.sdp");
    String token = publishToken();
    assertThat(
            Server.request(
                    "POST",
                    path,
                    offer,
                    "Content-Type",
                    "text/plain",
                    "Authorization",
                    "Bearer " + token)
                .statusCode())
        .isEqualTo(415);
    assertThat(Server.request("POST", path, offer, "Content-Type", SDP).statusCode())
        .isEqualTo(401);
    assertThat(
            Server.request(
                    "POST", path, offer, "Content-Type", SDP, "Authorization", "Bearer not.a.token")
                .statusCode())
        .isEqualTo(401);
    String otherRoom =
        Server.participantToken(
            "obs", new RoomJoin(true), new RoomName("another-room"), new CanPublish(true));
    assertThat(
            Server.request(
                    "POST",
                    path,
                    offer,
                    "Content-Type",
                    SDP,
                    "Authorization",
                    "Bearer " + otherRoom)
                .statusCode())
        .isEqualTo(403);
    String noPublish =
        Server.participantToken(
            "obs", new RoomJoin(true), new RoomName(room), new CanPublish(false));
    assertThat(
            Server.request(
                    "POST",
                    path,
                    offer,
                    "Content-Type",
                    SDP,
                    "Authorization",
                    "Bearer " + noPublish)
                .statusCode())
        .isEqualTo(403);
    var bad =
        Server.request(
            "POST",
            path,
            "v=0\r\nthis is not sdp\r\n",
            "Content-Type",
            SDP,
            "Authorization",
            "Bearer " + token);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("line");
  }

  @Test
  void sessionLifecycleWithTrickleIceRestartAndDelete() throws Exception {
    String token = publishToken();
    var created =
        Server.request(
            "POST",
            "/live/whip/" + room,
            offer("libdatachannel-obs-h264-nocandidates.sdp"),
            "Content-Type",
            SDP,
            "Authorization",
            "Bearer " + token);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Content-Type").orElse("")).startsWith(SDP);
    assertThat(created.body()).contains("a=ice-lite", "a=fingerprint:sha-256 ", "a=candidate:");
    assertThat(created.headers().allValues("Link"))
        .contains("<stun:127.0.0.1:3478>; rel=\"ice-server\"");
    String etag = created.headers().firstValue("ETag").orElseThrow();
    String session = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
    assertThat(session).startsWith("/live/whip/" + room + "/");

    String candidate = "a=candidate:1 1 udp 2130706431 127.0.0.1 50000 typ host\r\n";
    assertThat(Server.request("PATCH", session, candidate, "Content-Type", FRAG).statusCode())
        .isEqualTo(428);
    assertThat(
            Server.request(
                    "PATCH", session, candidate, "Content-Type", FRAG, "If-Match", "\"stale\"")
                .statusCode())
        .isEqualTo(412);
    assertThat(
            Server.request("PATCH", session, candidate, "Content-Type", SDP, "If-Match", etag)
                .statusCode())
        .isEqualTo(415);
    assertThat(
            Server.request("PATCH", session, candidate, "Content-Type", FRAG, "If-Match", etag)
                .statusCode())
        .isEqualTo(204);

    String restart = "a=ice-ufrag:abcd\r\na=ice-pwd:abcdefghijklmnopqrstuvwx\r\n";
    var restarted =
        Server.request("PATCH", session, restart, "Content-Type", FRAG, "If-Match", "*");
    assertThat(restarted.statusCode()).isEqualTo(200);
    assertThat(restarted.body()).contains("a=ice-ufrag:", "a=ice-pwd:");
    String newEtag = restarted.headers().firstValue("ETag").orElseThrow();
    assertThat(newEtag).isNotEqualTo(etag);
    assertThat(
            Server.request("PATCH", session, candidate, "Content-Type", FRAG, "If-Match", etag)
                .statusCode())
        .isEqualTo(412);

    assertThat(
            Server.request("DELETE", session, null, "Authorization", "Bearer " + token)
                .statusCode())
        .isEqualTo(200);
    assertThat(Server.request("DELETE", session, null).statusCode()).isEqualTo(404);
    assertThat(
            Server.request("PATCH", session, candidate, "Content-Type", FRAG, "If-Match", newEtag)
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void whepOnARoomWithNothingPublishedIsAConflictWithRetryAfter() throws Exception {
    String token =
        Server.participantToken(
            "viewer", new RoomJoin(true), new RoomName(room), new CanSubscribe(true));
    var r =
        Server.request(
            "POST",
            "/live/whep/" + room,
            offer("chromium-whep-recvonly.sdp"),
            "Content-Type",
            SDP,
            "Authorization",
            "Bearer " + token);
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(r.headers().firstValue("Retry-After")).isPresent();
  }
}
