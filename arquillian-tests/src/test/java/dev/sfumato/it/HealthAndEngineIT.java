package dev.sfumato.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.livekit.server.RoomAdmin;
import io.livekit.server.RoomList;
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

/** Health endpoints, the media workers' sockets and the engine's events reaching the EJB layer. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthAndEngineIT {
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
  void readinessAndLivenessAreUp() throws Exception {
    var ready = Server.get("/health/ready", null);
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(ready.body()).contains("\"status\":\"UP\"", "\"database\":\"ok\"");
    var live = Server.get("/health/live", null);
    assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
    assertThat(live.body()).contains("\"status\":\"UP\"");
  }

  @Test
  void everyMediaWorkerHoldsItsUdpPort() throws Exception {
    for (int port : MediaPorts.workerPorts()) {
      assertThat(MediaPorts.isBound(port)).as("UDP port %d bound", port).isTrue();
    }
    assertThat(MediaPorts.mediaThreadCount(Server.MEDIA_WORKERS)).isEqualTo(Server.MEDIA_WORKERS);
  }

  @Test
  void engineEventsReachTheMessageDrivenBean() throws Exception {
    var engine = Server.get("/admin/engine", Server.token(new RoomAdmin(true)));
    assertThat(engine.statusCode()).as(engine.body()).isEqualTo(200);
    for (int i = 0; i < Server.MEDIA_WORKERS; i++) {
      assertThat(engine.body())
          .contains("\"" + i + "\":\"started /127.0.0.1:" + (Server.MEDIA_PORT + i) + "\"");
    }
    assertThat(engine.body()).contains("\"running\":true");
  }

  @Test
  void adminApiNeedsTheAdminGrant() throws Exception {
    assertThat(Server.get("/admin/engine", null).statusCode()).isEqualTo(401);
    assertThat(Server.get("/admin/engine", Server.token(new RoomList(true))).statusCode())
        .isEqualTo(403);
  }
}
