package dev.sfumato.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.livekit.server.RoomCreate;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomList;
import io.livekit.server.RoomName;
import io.livekit.server.RoomServiceClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import livekit.LivekitModels;
import livekit.LivekitRoom;
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
import retrofit2.Response;

/** The Twirp RoomService, driven by the official LiveKit server SDK for the JVM and by raw HTTP. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RoomServiceIT {
  private static final String ROOMS = "/twirp/livekit.RoomService/";

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
  void sdkCreatesListsAndDeletesRooms() throws Exception {
    RoomServiceClient sdk = Server.roomService();
    String name = "sdk-" + UUID.randomUUID();

    Response<LivekitModels.Room> created =
        sdk.createRoom(name, 42, 7, null, "hello metadata").execute();
    assertThat(created.code()).isEqualTo(200);
    LivekitModels.Room room = created.body();
    assertThat(room.getName()).isEqualTo(name);
    assertThat(room.getSid()).startsWith("RM_");
    assertThat(room.getEmptyTimeout()).isEqualTo(42);
    assertThat(room.getMaxParticipants()).isEqualTo(7);
    assertThat(room.getMetadata()).isEqualTo("hello metadata");
    assertThat(room.getCreationTime()).isPositive();
    assertThat(room.getEnabledCodecsList()).isNotEmpty();

    Response<LivekitModels.Room> again = sdk.createRoom(name).execute();
    assertThat(again.body().getSid()).as("create is get-or-create").isEqualTo(room.getSid());

    List<LivekitModels.Room> all = sdk.listRooms().execute().body();
    assertThat(all).extracting(LivekitModels.Room::getName).contains(name);
    List<LivekitModels.Room> filtered =
        sdk.listRooms(List.of(name, "no-such-room")).execute().body();
    assertThat(filtered).extracting(LivekitModels.Room::getName).containsExactly(name);

    assertThat(sdk.deleteRoom(name).execute().code()).isEqualTo(200);
    assertThat(sdk.listRooms(List.of(name)).execute().body()).isEmpty();
    Response<Void> missing = sdk.deleteRoom(name).execute();
    assertThat(missing.code()).isEqualTo(404);
    assertThat(missing.errorBody().string()).contains("\"code\":\"not_found\"");
  }

  @Test
  void twirpJsonInCamelCaseAsTheNodeSdkSendsIt() throws Exception {
    String name = "json-" + UUID.randomUUID();
    String token = Server.token(new RoomCreate(true), new RoomList(true));
    var created =
        Server.post(
            ROOMS + "CreateRoom",
            "application/json",
            ("{\"name\":\"" + name + "\",\"emptyTimeout\":30,\"departureTimeout\":5}")
                .getBytes(StandardCharsets.UTF_8),
            token);
    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(created.headers().firstValue("Content-Type"))
        .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
    assertThat(created.body())
        .contains("\"name\":\"" + name + "\"", "\"emptyTimeout\":30", "\"departureTimeout\":5");

    var listed =
        Server.post(
            ROOMS + "ListRooms",
            "application/json",
            ("{\"names\":[\"" + name + "\"]}").getBytes(StandardCharsets.UTF_8),
            token);
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.body()).contains(name);

    var deleted =
        Server.post(
            ROOMS + "DeleteRoom",
            "application/json",
            ("{\"room\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8),
            token);
    assertThat(deleted.statusCode()).isEqualTo(200);
  }

  @Test
  void wrongSecretIsUnauthenticated() throws Exception {
    Response<List<LivekitModels.Room>> response =
        Server.roomService("not-the-secret-but-long-enough-0123456789").listRooms().execute();
    assertThat(response.code()).isEqualTo(401);
    assertThat(response.errorBody().string()).contains("\"code\":\"unauthenticated\"");

    var noHeader = Server.post(ROOMS + "ListRooms", "application/json", "{}".getBytes(), null);
    assertThat(noHeader.statusCode()).isEqualTo(401);
    assertThat(noHeader.body()).contains("\"code\":\"unauthenticated\"");
  }

  @Test
  void missingGrantIsPermissionDenied() throws Exception {
    String joinOnly = Server.participantToken("someone", new RoomJoin(true), new RoomName("r"));
    var list = Server.post(ROOMS + "ListRooms", "application/json", "{}".getBytes(), joinOnly);
    assertThat(list.statusCode()).isEqualTo(403);
    assertThat(list.body()).contains("\"code\":\"permission_denied\"");
    assertThat(list.headers().firstValue("Content-Type")).hasValue("application/json");

    String listOnly = Server.token(new RoomList(true));
    var create =
        Server.post(
            ROOMS + "CreateRoom", "application/json", "{\"name\":\"x\"}".getBytes(), listOnly);
    assertThat(create.statusCode()).isEqualTo(403);
    assertThat(create.body()).contains("\"code\":\"permission_denied\"");
  }

  @Test
  void malformedBodiesAreRefusedAsMalformedNeverAsServerErrors() throws Exception {
    String token = Server.token(new RoomCreate(true), new RoomList(true));
    for (String json : List.of("{", "not json", "{\"name\": 12, \"emptyTimeout\": \"x\"}", "[]")) {
      var r = Server.post(ROOMS + "CreateRoom", "application/json", json.getBytes(), token);
      assertThat(r.statusCode()).as(json).isEqualTo(400);
      assertThat(r.body()).as(json).contains("\"code\":\"malformed\"");
    }
    byte[] garbage = {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f, 0x01};
    var r = Server.post(ROOMS + "CreateRoom", "application/protobuf", garbage, token);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"code\":\"malformed\"");

    byte[] truncated =
        LivekitRoom.CreateRoomRequest.newBuilder().setName("truncated-room").build().toByteArray();
    var t =
        Server.post(
            ROOMS + "CreateRoom",
            "application/protobuf",
            java.util.Arrays.copyOf(truncated, truncated.length - 3),
            token);
    assertThat(t.statusCode()).isEqualTo(400);
  }

  @Test
  void invalidArgumentsAndUnknownMethods() throws Exception {
    String token = Server.token(new RoomCreate(true), new RoomList(true));
    var empty =
        Server.post(ROOMS + "CreateRoom", "application/json", "{\"name\":\"\"}".getBytes(), token);
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("\"code\":\"invalid_argument\"");

    var unknown = Server.post(ROOMS + "Frobnicate", "application/json", "{}".getBytes(), token);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("\"code\":\"bad_route\"");
  }

  @Test
  void oversizeBodyIsRefused() throws Exception {
    String token = Server.token(new RoomCreate(true));
    byte[] big = new byte[(1 << 20) + 1024];
    java.util.Arrays.fill(big, (byte) ' ');
    var r = Server.post(ROOMS + "CreateRoom", "application/json", big, token);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("\"code\":\"malformed\"");
  }
}
