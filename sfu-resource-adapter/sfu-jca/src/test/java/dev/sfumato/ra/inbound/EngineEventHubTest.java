package dev.sfumato.ra.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sfumato.engine.api.EngineEvent;
import dev.sfumato.engine.api.RouterId;
import dev.sfumato.ra.EngineEventActivationSpec;
import dev.sfumato.ra.support.RecordingEndpointFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EngineEventHubTest {

  private static final EngineEvent.WorkerStarted W0 =
      new EngineEvent.WorkerStarted(0, new InetSocketAddress("127.0.0.1", 7882));
  private static final EngineEvent.WorkerStarted W1 =
      new EngineEvent.WorkerStarted(1, new InetSocketAddress("127.0.0.1", 7883));

  // Runs every task inline: the order of delivery is then the order of publication.
  private final EngineEventHub hub = new EngineEventHub(Runnable::run, (delay, task) -> task.run());
  private final RecordingEndpointFactory bean = new RecordingEndpointFactory();

  @Test
  void endpointActivatedLateGetsRunningWorkersReplayedThenLiveEvents() throws Exception {
    hub.publish(W0);
    hub.publish(W1);
    hub.publish(new EngineEvent.WorkerStopped(1, "interrupted"));

    hub.activate(bean, new EngineEventActivationSpec());
    RouterId router = new RouterId("RT_x");
    hub.publish(new EngineEvent.RouterClosed(router));

    assertThat(events(2)).containsExactly(W0, new EngineEvent.RouterClosed(router));
    assertThat(bean.released).hasValue(2);
  }

  @Test
  void activationSpecFiltersByEventType() throws Exception {
    EngineEventActivationSpec spec = new EngineEventActivationSpec();
    spec.setEventTypes("RouterClosed, WorkerStopped");
    spec.validate();
    hub.publish(W0);
    hub.activate(bean, spec);
    hub.publish(new EngineEvent.WorkerStopped(0, "engine stopped"));

    assertThat(events(1)).containsExactly(new EngineEvent.WorkerStopped(0, "engine stopped"));
    assertThat(hub.runningWorkers()).isEmpty();
  }

  @Test
  void deactivatedEndpointReceivesNothingMore() throws Exception {
    EngineEventActivationSpec spec = new EngineEventActivationSpec();
    hub.activate(bean, spec);
    hub.deactivate(bean, spec);
    hub.publish(W0);

    assertThat(hub.activeEndpoints()).isZero();
    assertThat(bean.deliveries.poll(100, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void unavailableEndpointIsRetried() throws Exception {
    bean.unavailableFor.set(3);
    hub.publish(W0);
    hub.activate(bean, new EngineEventActivationSpec());

    assertThat(events(1)).containsExactly(W0);
  }

  private List<EngineEvent> events(int count) throws InterruptedException {
    List<EngineEvent> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      RecordingEndpointFactory.Delivery delivery = bean.deliveries.poll(5, TimeUnit.SECONDS);
      assertThat(delivery).as("delivery %d", i).isNotNull();
      events.add(delivery.event());
    }
    return events;
  }
}
