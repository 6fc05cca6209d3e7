package dev.sfumato.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.livekit.server.RoomAdmin;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomList;
import io.livekit.server.RoomName;
import io.livekit.server.RoomServiceClient;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import livekit.LivekitModels;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.TrackSource;
import livekit.LivekitModels.TrackType;
import livekit.LivekitRtc.AddTrackRequest;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import retrofit2.Response;

/**
 * The participant half of the Twirp RoomService, driven by the official LiveKit server SDK for the
 * JVM. Participants join over the v0 signal WebSocket only (the server sends the join response at
 * once; no WebRTC is needed for these calls), which also lets the tests see what the server tells
 * them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ParticipantServiceIT {
  private static final String ROOMS = "/twirp/livekit.RoomService/";
  private static final Duration WAIT = Duration.ofSeconds(10);

  @ArquillianResource private ContainerController controller;
  @ArquillianResource private Deployer deployer;

  private final RoomServiceClient sdk = Server.roomService();
  private final String room = "participants-" + UUID.randomUUID();
  private final List<SignalClient> clients = new java.util.ArrayList<>();

  @Deployment(name = Server.DEPLOYMENT, managed = false, testable = false)
  static EnterpriseArchive ear() {
    return Server.ear();
  }

  @BeforeEach
  void server() {
    Server.ensureRunning(controller, deployer);
  }

  @AfterEach
  void leave() {
    clients.forEach(SignalClient::abort);
    try {
      sdk.deleteRoom(room).execute();
    } catch (Exception e) {
      // the room may be gone already
    }
  }

  @Test
  void listsGetsAndUpdatesParticipantsAndTheyHearOfIt() throws Exception {
    SignalClient alice = join("alice");
    SignalClient bob = join("bob");

    Response<List<ParticipantInfo>> listed = sdk.listParticipants(room).execute();
    assertThat(listed.code()).isEqualTo(200);
    assertThat(listed.body())
        .extracting(ParticipantInfo::getIdentity)
        .containsExactlyInAnyOrder("alice", "bob");

    ParticipantInfo got = sdk.getParticipant(room, "alice").execute().body();
    assertThat(got.getSid()).isEqualTo(alice.sid);
    assertThat(got.getIdentity()).isEqualTo("alice");
    assertThat(got.getState()).isEqualTo(ParticipantInfo.State.JOINED);

    Response<ParticipantInfo> updated =
        sdk.updateParticipant(room, "alice", "Alice A.", "metadata from the API").execute();
    assertThat(updated.code()).isEqualTo(200);
    assertThat(updated.body().getMetadata()).isEqualTo("metadata from the API");
    assertThat(updated.body().getName()).isEqualTo("Alice A.");
    assertThat(sdk.getParticipant(room, "alice").execute().body().getMetadata())
        .isEqualTo("metadata from the API");

    for (SignalClient c : List.of(alice, bob)) {
      SignalResponse update =
          c.await(
              m ->
                  m.hasUpdate()
                      && m.getUpdate().getParticipantsList().stream()
                          .anyMatch(i -> i.getMetadata().equals("metadata from the API")));
      assertThat(update).as(c.identity + " hears of alice's new metadata").isNotNull();
    }
  }

  @Test
  void revokedPublishingShowsInThePermissionAndIsToldToTheParticipant() throws Exception {
    SignalClient alice = join("alice");
    LivekitModels.ParticipantPermission denied =
        LivekitModels.ParticipantPermission.newBuilder()
            .setCanSubscribe(true)
            .setCanPublish(false)
            .build();

    ParticipantInfo updated =
        sdk.updateParticipant(room, "alice", null, null, denied).execute().body();

    assertThat(updated.getPermission().getCanPublish()).isFalse();
    assertThat(
            alice.await(
                m ->
                    m.hasUpdate()
                        && m.getUpdate().getParticipantsList().stream()
                            .anyMatch(i -> !i.getPermission().getCanPublish())))
        .isNotNull();
  }

  @Test
  void removedParticipantGetsALeaveAndItsSocketCloses() throws Exception {
    SignalClient alice = join("alice");
    join("bob");

    assertThat(sdk.removeParticipant(room, "alice").execute().code()).isEqualTo(200);

    SignalResponse leave = alice.await(SignalResponse::hasLeave);
    assertThat(leave).isNotNull();
    assertThat(leave.getLeave().getReason()).isEqualTo(DisconnectReason.PARTICIPANT_REMOVED);
    assertThat(leave.getLeave().getCanReconnect()).isFalse();
    assertThat(alice.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
    assertThat(sdk.listParticipants(room).execute().body())
        .extracting(ParticipantInfo::getIdentity)
        .containsExactly("bob");

    Response<Void> again = sdk.removeParticipant(room, "alice").execute();
    assertThat(again.code()).isEqualTo(404);
    assertThat(again.errorBody().string()).contains("\"code\":\"not_found\"");
  }

  @Test
  void muteReachesThePublisherAndRemoteUnmuteIsRefused() throws Exception {
    SignalClient alice = join("alice");
    alice.send(
        SignalRequest.newBuilder()
            .setAddTrack(
                AddTrackRequest.newBuilder()
                    .setCid("mic-1")
                    .setType(TrackType.AUDIO)
                    .setSource(TrackSource.MICROPHONE)
                    .setName("mic"))
            .build());
    SignalResponse published = alice.await(SignalResponse::hasTrackPublished);
    assertThat(published).isNotNull();
    String trackSid = published.getTrackPublished().getTrack().getSid();

    Response<LivekitModels.TrackInfo> muted =
        sdk.mutePublishedTrack(room, "alice", trackSid, true).execute();
    assertThat(muted.code()).isEqualTo(200);
    assertThat(muted.body().getSid()).isEqualTo(trackSid);
    assertThat(muted.body().getMuted()).isTrue();
    SignalResponse mute = alice.await(SignalResponse::hasMute);
    assertThat(mute).isNotNull();
    assertThat(mute.getMute().getSid()).isEqualTo(trackSid);
    assertThat(mute.getMute().getMuted()).isTrue();

    Response<LivekitModels.TrackInfo> unmute =
        sdk.mutePublishedTrack(room, "alice", trackSid, false).execute();
    assertThat(unmute.code()).isEqualTo(412);
    assertThat(unmute.errorBody().string()).contains("\"code\":\"failed_precondition\"");

    Response<LivekitModels.TrackInfo> unknown =
        sdk.mutePublishedTrack(room, "alice", "TR_nosuchtrack", true).execute();
    assertThat(unknown.code()).isEqualTo(404);
    assertThat(unknown.errorBody().string()).contains("\"code\":\"not_found\"");
  }

  @Test
  void roomMetadataIsStoredAndPushedToTheRoom() throws Exception {
    SignalClient alice = join("alice");

    Response<LivekitModels.Room> updated = sdk.updateRoomMetadata(room, "room news").execute();
    assertThat(updated.code()).isEqualTo(200);
    assertThat(updated.body().getMetadata()).isEqualTo("room news");
    assertThat(updated.body().getNumParticipants()).isEqualTo(1);

    SignalResponse roomUpdate = alice.await(SignalResponse::hasRoomUpdate);
    assertThat(roomUpdate).isNotNull();
    assertThat(roomUpdate.getRoomUpdate().getRoom().getMetadata()).isEqualTo("room news");
    assertThat(sdk.listRooms(List.of(room)).execute().body())
        .extracting(LivekitModels.Room::getMetadata)
        .containsExactly("room news");
  }

  @Test
  void updateSubscriptionsOfAParticipantAnswersEmptyAndUnknownOnesAreNotFound() throws Exception {
    join("alice");
    assertThat(sdk.updateSubscriptions(room, "alice", List.of("TR_unknown"), true).execute().code())
        .isEqualTo(200);
    Response<Void> missing =
        sdk.updateSubscriptions(room, "carol", List.of("TR_unknown"), true).execute();
    assertThat(missing.code()).isEqualTo(404);
  }

  @Test
  void unknownRoomsAndParticipantsAreNotFoundAndAnEmptyStoredRoomListsNobody() throws Exception {
    Response<List<ParticipantInfo>> noRoom = sdk.listParticipants(room).execute();
    assertThat(noRoom.code()).isEqualTo(404);
    assertThat(noRoom.errorBody().string())
        .contains("\"code\":\"not_found\"", "requested room does not exist");

    assertThat(sdk.createRoom(room).execute().code()).isEqualTo(200);
    Response<List<ParticipantInfo>> empty = sdk.listParticipants(room).execute();
    assertThat(empty.code()).isEqualTo(200);
    assertThat(empty.body()).isEmpty();

    Response<ParticipantInfo> nobody = sdk.getParticipant(room, "nobody").execute();
    assertThat(nobody.code()).isEqualTo(404);
    assertThat(nobody.errorBody().string())
        .contains("\"code\":\"not_found\"", "participant does not exist");
  }

  @Test
  void adminGrantMustNameThisRoom() throws Exception {
    join("alice");
    String body = "{\"room\":\"" + room + "\",\"identity\":\"alice\"}";
    for (String token :
        List.of(
            Server.token(new RoomAdmin(true), new RoomName("another-room")),
            Server.token(new RoomList(true)),
            Server.participantToken("alice", new RoomJoin(true), new RoomName(room)))) {
      var r =
          Server.post(
              ROOMS + "GetParticipant",
              "application/json",
              body.getBytes(StandardCharsets.UTF_8),
              token);
      assertThat(r.statusCode()).isEqualTo(403);
      assertThat(r.body()).contains("\"code\":\"permission_denied\"");
    }
    var ok =
        Server.post(
            ROOMS + "GetParticipant",
            "application/json",
            body.getBytes(StandardCharsets.UTF_8),
            Server.token(new RoomAdmin(true), new RoomName(room)));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("\"identity\":\"alice\"");
  }

  // ---- a participant on the signal WebSocket ----

  private SignalClient join(String identity) throws Exception {
    SignalClient c = new SignalClient(identity);
    clients.add(c);
    String token = Server.participantToken(identity, new RoomJoin(true), new RoomName(room));
    c.ws =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .connectTimeout(WAIT)
            .buildAsync(
                URI.create(
                    "ws://127.0.0.1:"
                        + Server.HTTP_PORT
                        + "/rtc?access_token="
                        + token
                        + "&auto_subscribe=1&protocol=16"),
                c)
            .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    SignalResponse join = c.await(SignalResponse::hasJoin);
    assertThat(join).as(identity + " joins").isNotNull();
    c.sid = join.getJoin().getParticipant().getSid();
    return c;
  }

  /** Collects the server's signal messages (binary protobuf frames, possibly in parts). */
  private static final class SignalClient implements WebSocket.Listener {
    final String identity;
    final BlockingQueue<SignalResponse> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    WebSocket ws;
    String sid;

    SignalClient(String identity) {
      this.identity = identity;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      byte[] chunk = new byte[data.remaining()];
      data.get(chunk);
      partial.writeBytes(chunk);
      if (last) {
        try {
          received.add(SignalResponse.parseFrom(partial.toByteArray()));
        } catch (Exception e) {
          throw new IllegalStateException("unreadable signal frame", e);
        } finally {
          partial.reset();
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete(-1);
    }

    void send(SignalRequest request) throws Exception {
      ws.sendBinary(ByteBuffer.wrap(request.toByteArray()), true)
          .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The first message (from now on, or already queued) that matches, or null after WAIT. */
    SignalResponse await(Predicate<SignalResponse> match) throws InterruptedException {
      long deadline = System.nanoTime() + WAIT.toNanos();
      for (long left = WAIT.toNanos(); left > 0; left = deadline - System.nanoTime()) {
        SignalResponse m = received.poll(left, TimeUnit.NANOSECONDS);
        if (m != null && match.test(m)) {
          return m;
        }
      }
      return null;
    }

    void abort() {
      if (ws != null) {
        ws.abort();
      }
    }
  }
}
