package dev.sfumato.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.livekit.server.RoomServiceClient;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import livekit.LivekitModels;
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

/** Server restarts and application redeploys: data survives, sockets and threads do not leak. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LifecycleIT {
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
  void aRoomCreatedBeforeARestartIsListedAfterIt() throws Exception {
    String name = "durable-" + UUID.randomUUID();
    RoomServiceClient sdk = Server.roomService();
    String sid = sdk.createRoom(name, 60, 3, null, "survives").execute().body().getSid();

    controller.stop(Server.CONTAINER);
    assertThat(MediaPorts.isBound(Server.MEDIA_PORT)).isFalse();
    controller.start(Server.CONTAINER);
    Server.awaitReady(Duration.ofMinutes(2));

    List<LivekitModels.Room> rooms = sdk.listRooms(List.of(name)).execute().body();
    assertThat(rooms).hasSize(1);
    assertThat(rooms.get(0).getSid()).isEqualTo(sid);
    assertThat(rooms.get(0).getMetadata()).isEqualTo("survives");
    assertThat(rooms.get(0).getMaxParticipants()).isEqualTo(3);
    sdk.deleteRoom(name).execute();
  }

  @Test
  void undeployReleasesEverySocketAndWorkerThreadAndRedeployBindsThemAgain() throws Exception {
    for (int round = 1; round <= 2; round++) {
      deployer.undeploy(Server.DEPLOYMENT);
      for (int port : MediaPorts.workerPorts()) {
        assertThat(MediaPorts.isBound(port))
            .as("round %d: port %d released", round, port)
            .isFalse();
      }
      assertThat(MediaPorts.mediaThreadCount(0))
          .as("round %d: worker threads gone", round)
          .isZero();

      deployer.deploy(Server.DEPLOYMENT);
      for (int port : MediaPorts.workerPorts()) {
        assertThat(MediaPorts.isBound(port)).as("round %d: port %d bound", round, port).isTrue();
      }
      assertThat(MediaPorts.mediaThreadCount(Server.MEDIA_WORKERS)).isEqualTo(Server.MEDIA_WORKERS);
      assertThat(Server.roomService().listRooms().execute().code()).isEqualTo(200);
    }
  }
}
