package dev.sfumato.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sfumato.engine.api.DataChannelParameters;
import dev.sfumato.engine.api.DataConsumerInfo;
import dev.sfumato.engine.api.DtlsFingerprint;
import dev.sfumato.engine.api.DtlsParameters;
import dev.sfumato.engine.api.DtlsRole;
import dev.sfumato.engine.api.EngineDump;
import dev.sfumato.engine.api.EngineEvent;
import dev.sfumato.engine.api.EngineException;
import dev.sfumato.engine.api.RouterInfo;
import dev.sfumato.engine.api.SctpParameters;
import dev.sfumato.engine.api.WebRtcTransportInfo;
import dev.sfumato.ra.api.SfuConnection;
import dev.sfumato.ra.api.SfuConnectionFactory;
import dev.sfumato.ra.outbound.SfuManagedConnectionFactory;
import dev.sfumato.ra.support.FakeBootstrapContext;
import dev.sfumato.ra.support.RecordingEndpointFactory;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The adapter's life cycle against a fake container: what Liberty does on deploy and redeploy. */
class SfuResourceAdapterTest {

  private final SfuResourceAdapter adapter = new SfuResourceAdapter();
  private final FakeBootstrapContext context = new FakeBootstrapContext();

  SfuResourceAdapterTest() {
    adapter.setMediaWorkers("2");
    adapter.setMediaPort("0"); // ephemeral: tests must not collide with a running server
  }

  @AfterEach
  void stop() {
    adapter.stop();
  }

  @Test
  void startRunsLoopsOnWorkManagerThreadsAndStopFreesEverything() throws Exception {
    adapter.start(context);
    assertThat(context.workManager.threads).hasSize(2);
    List<InetSocketAddress> bound = replayedAddresses(2);

    adapter.stop();

    for (InetSocketAddress address : bound) {
      new DatagramSocket(address).close();
    }
    for (Thread thread : context.workManager.threads) {
      thread.join(5_000);
      assertThat(thread.isAlive()).isFalse();
      assertThat(thread.getName()).startsWith("Default Executor-thread-");
    }
  }

  @Test
  void connectionControlsTheEngineAndCompletesOffTheMediaThread() throws Exception {
    adapter.start(context);
    SfuConnectionFactory factory = connectionFactory();

    try (SfuConnection connection = factory.getConnection()) {
      String[] completedOn = new String[1];
      RouterInfo router =
          await(
              connection
                  .createRouter()
                  .whenComplete((info, e) -> completedOn[0] = Thread.currentThread().getName()));
      assertThat(completedOn[0]).doesNotStartWith("sfumato-media-");
      EngineDump dump = await(connection.dump());
      assertThat(dump.allWorkersBound()).isTrue();
      assertThat(dump.workers().get(router.workerId()).routers()).isEqualTo(1);
      await(connection.closeRouter(router.id()));
      assertFailsWith(connection.closeRouter(router.id()), EngineException.Code.NOT_FOUND);
    }
  }

  @Test
  void dataChannelCallsGoThroughTheConnectionAndCompleteOffTheMediaThread() throws Exception {
    adapter.start(context);
    try (SfuConnection connection = connectionFactory().getConnection()) {
      RouterInfo router = await(connection.createRouter());
      WebRtcTransportInfo transport = await(connection.createWebRtcTransport(router.id()));
      String[] completedOn = new String[1];
      SctpParameters ours =
          await(
              connection
                  .enableSctp(transport.id(), SctpParameters.DEFAULT, true)
                  .whenComplete((p, e) -> completedOn[0] = Thread.currentThread().getName()));
      assertThat(completedOn[0]).doesNotStartWith("sfumato-media-");
      assertThat(ours).isEqualTo(new SctpParameters(5000, 262_144));
      DtlsParameters remote =
          new DtlsParameters(
              DtlsRole.CLIENT,
              List.of(DtlsFingerprint.parse("sha-256 " + "AB:".repeat(31) + "AB")));
      await(connection.connectWebRtcTransport(transport.id(), null, remote));
      DataConsumerInfo consumer =
          await(
              connection.consumeData(transport.id(), null, DataChannelParameters.reliable("app")));
      assertThat(consumer.channel().streamId()).isOne(); // we are the DTLS server: odd ids
      // queued until the association is up: accepted
      assertThat(await(connection.sendData(consumer.id(), false, "hi".getBytes()))).isTrue();
      assertThat(await(connection.dataConsumerStats(consumer.id())).counters())
          .containsEntry("messagesOut", 1L);
      assertFailsWith(connection.injectLoss(5), EngineException.Code.INVALID_ARGUMENT);
      await(connection.closeDataConsumer(consumer.id()));
      assertFailsWith(connection.dataConsumerStats(consumer.id()), EngineException.Code.NOT_FOUND);
    }
  }

  @Test
  void faultInjectionSettingAllowsInjectLoss() throws Exception {
    adapter.setMediaFaultInjection("true");
    adapter.start(context);
    try (SfuConnection connection = connectionFactory().getConnection()) {
      await(connection.injectLoss(5));
      await(connection.injectLoss(0));
    }
  }

  @Test
  void closedConnectionAndStoppedAdapterFailWithClosed() throws Exception {
    adapter.start(context);
    SfuConnectionFactory factory = connectionFactory();
    SfuConnection connection = factory.getConnection();
    connection.close();
    assertFailsWith(connection.dump(), EngineException.Code.CLOSED);

    SfuConnection open = factory.getConnection();
    adapter.stop();
    assertFailsWith(open.createRouter(), EngineException.Code.CLOSED);
  }

  @Test
  void survivesStartStopStartOnTheSamePorts() throws Exception {
    int port;
    try (DatagramSocket probe = new DatagramSocket(0)) {
      port = probe.getLocalPort();
    }
    adapter.setMediaWorkers("1");
    adapter.setMediaPort(String.valueOf(port));
    for (int round = 0; round < 3; round++) {
      adapter.start(context);
      assertThat(replayedAddresses(1)).extracting(InetSocketAddress::getPort).containsExactly(port);
      adapter.stop();
    }
  }

  @Test
  void startFailsCleanlyWhenThePortIsTaken() throws Exception {
    try (DatagramSocket squatter = new DatagramSocket(0)) {
      adapter.setMediaPort(String.valueOf(squatter.getLocalPort()));
      assertThatThrownBy(() -> adapter.start(context))
          .isInstanceOf(jakarta.resource.spi.ResourceAdapterInternalException.class);
    }
    assertThat(context.workManager.threads).isEmpty();
  }

  @Test
  void invalidSettingFailsStartWithItsKey() {
    adapter.setMediaWorkers("zero");
    assertThatThrownBy(() -> adapter.start(context)).hasMessageContaining("sfumato.media.workers");
  }

  /** Activates a recording MDB and returns the worker addresses replayed to it. */
  private List<InetSocketAddress> replayedAddresses(int workers) throws Exception {
    RecordingEndpointFactory bean = new RecordingEndpointFactory();
    EngineEventActivationSpec spec = new EngineEventActivationSpec();
    spec.setResourceAdapter(adapter);
    adapter.endpointActivation(bean, spec);
    List<InetSocketAddress> addresses = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      RecordingEndpointFactory.Delivery delivery = bean.deliveries.poll(5, TimeUnit.SECONDS);
      assertThat(delivery).isNotNull();
      assertThat(delivery.thread()).doesNotStartWith("sfumato-media-");
      addresses.add(((EngineEvent.WorkerStarted) delivery.event()).localAddress());
    }
    adapter.endpointDeactivation(bean, spec);
    return addresses;
  }

  private SfuConnectionFactory connectionFactory() throws Exception {
    SfuManagedConnectionFactory managed = new SfuManagedConnectionFactory();
    managed.setResourceAdapter(adapter);
    return (SfuConnectionFactory) managed.createConnectionFactory();
  }

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private static void assertFailsWith(CompletionStage<?> stage, EngineException.Code code) {
    assertThatThrownBy(() -> await(stage))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
