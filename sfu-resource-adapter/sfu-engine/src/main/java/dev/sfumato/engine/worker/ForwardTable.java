package dev.sfumato.engine.worker;

import dev.sfumato.engine.api.ConsumerId;
import dev.sfumato.engine.api.ConsumerInfo;
import dev.sfumato.engine.api.EngineEvent;
import dev.sfumato.engine.api.EngineException;
import dev.sfumato.engine.api.ProducerId;
import dev.sfumato.engine.api.ProducerInfo;
import dev.sfumato.engine.api.StatsReport;
import dev.sfumato.engine.forward.Consumer;
import dev.sfumato.engine.forward.ForwardBuffers;
import dev.sfumato.engine.forward.Producer;
import dev.sfumato.engine.forward.Router;
import dev.sfumato.engine.transport.TransportHost;
import dev.sfumato.engine.transport.WebRtcTransport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * The producers and consumers of one worker and their commands. A producer lives on the transport
 * that receives it, a consumer on the transport that sends it; both must belong to the same router
 * (so to this worker). Closing cascades: producer → its consumers ("producer closed"), transport →
 * its producers and consumers ("transport closed"). Confined to the worker thread.
 */
final class ForwardTable {

  private final MediaWorker worker;
  private final RouterDirectory directory;
  private final EventSink events;
  private final TransportTable transports;
  private final RouterTable routers;
  private final ForwardBuffers buffers;
  private final Map<ProducerId, Producer> producers = new HashMap<>();
  private final Map<ConsumerId, Consumer> consumers = new HashMap<>();

  ForwardTable(
      MediaWorker worker,
      RouterDirectory directory,
      EventSink events,
      TransportTable transports,
      RouterTable routers) {
    this.worker = worker;
    this.directory = directory;
    this.events = events;
    this.transports = transports;
    this.routers = routers;
    this.buffers = ((TransportHost) transports).buffers();
  }

  void createProducer(Command.ProducerCreate c) {
    WebRtcTransport t = transports.get(c.transport());
    if (t == null) {
      c.fail(TransportTable.notFound("transport " + c.transport()));
      return;
    }
    if (c.rtpParameters() == null) {
      c.fail(TransportTable.invalid("rtpParameters are required"));
      return;
    }
    Producer p;
    try {
      p = new Producer(c.id(), t, c.rtpParameters(), t.media().rtcpSsrc());
      t.media().addProducer(p);
    } catch (IllegalArgumentException e) {
      c.fail(TransportTable.invalid(e.getMessage()));
      return;
    }
    directory.register(c.id(), worker);
    producers.put(c.id(), p);
    Router router = routers.get(t.routerId());
    if (router != null && p.audioLevel() != null) {
      router.speakers().add(p.id(), p.audioLevel());
    }
    c.reply().complete(new ProducerInfo(c.id(), t.id(), p.kind()));
  }

  void changeProducer(Command.ProducerChange c) {
    Producer p = producers.get(c.id());
    if (p == null) {
      c.fail(TransportTable.notFound("producer " + c.id()));
      return;
    }
    switch (c.verb()) {
      case PAUSE -> p.pause();
      case RESUME -> p.resume(System.nanoTime(), buffers);
      case CLOSE -> closeProducer(p, "closed by call");
      default -> {
        c.fail(TransportTable.invalid("not a producer verb: " + c.verb()));
        return;
      }
    }
    c.reply().complete(null);
  }

  void producerStats(Command.ProducerGetStats c) {
    Producer p = producers.get(c.id());
    if (p == null) {
      c.fail(TransportTable.notFound("producer " + c.id()));
      return;
    }
    c.reply().complete(new StatsReport(c.id().value(), "producer", p.stats()));
  }

  void createConsumer(Command.ConsumerCreate c) {
    WebRtcTransport t = transports.get(c.transport());
    if (t == null) {
      c.fail(TransportTable.notFound("transport " + c.transport()));
      return;
    }
    Producer p = producers.get(c.producer());
    if (p == null) {
      c.fail(TransportTable.notFound("producer " + c.producer()));
      return;
    }
    if (!((WebRtcTransport) p.transport()).routerId().equals(t.routerId())) {
      c.fail(TransportTable.invalid("producer and transport are in different routers"));
      return;
    }
    if (c.rtpParameters() == null) {
      c.fail(TransportTable.invalid("rtpParameters are required"));
      return;
    }
    Consumer consumer;
    try {
      consumer = new Consumer(c.id(), t, p, c.rtpParameters());
      t.media().addConsumer(consumer);
    } catch (IllegalArgumentException e) {
      c.fail(TransportTable.invalid(e.getMessage()));
      return;
    }
    directory.register(c.id(), worker);
    consumers.put(c.id(), consumer);
    consumer.start(System.nanoTime(), buffers);
    c.reply().complete(new ConsumerInfo(c.id(), t.id(), p.id(), p.kind(), c.rtpParameters()));
  }

  void changeConsumer(Command.ConsumerChange c) {
    Consumer consumer = consumers.get(c.id());
    if (consumer == null) {
      c.fail(TransportTable.notFound("consumer " + c.id()));
      return;
    }
    long now = System.nanoTime();
    switch (c.verb()) {
      case PAUSE -> consumer.pause();
      case RESUME -> consumer.resume(now, buffers);
      case REQUEST_KEY_FRAME -> consumer.requestKeyFrame(now, buffers);
      case CLOSE -> closeConsumer(consumer, "closed by call");
      default -> throw new IllegalStateException("unreachable");
    }
    c.reply().complete(null);
  }

  void consumerStats(Command.ConsumerGetStats c) {
    Consumer consumer = consumers.get(c.id());
    if (consumer == null) {
      c.fail(TransportTable.notFound("consumer " + c.id()));
      return;
    }
    c.reply().complete(new StatsReport(c.id().value(), "consumer", consumer.stats()));
  }

  void closeProducer(Producer p, String reason) {
    if (producers.remove(p.id()) == null) {
      return;
    }
    p.close();
    for (Consumer consumer : p.consumers()) {
      closeConsumer(consumer, "producer closed");
    }
    WebRtcTransport t = (WebRtcTransport) p.transport();
    t.media().removeProducer(p);
    Router router = routers.get(t.routerId());
    if (router != null && p.audioLevel() != null) {
      router.speakers().remove(p.id());
    }
    directory.unregister(p.id());
    events.emit(new EngineEvent.ProducerClosed(p.id(), reason));
  }

  void closeConsumer(Consumer consumer, String reason) {
    if (consumers.remove(consumer.id()) == null) {
      return;
    }
    consumer.close();
    ((WebRtcTransport) consumer.transport()).media().removeConsumer(consumer);
    directory.unregister(consumer.id());
    events.emit(new EngineEvent.ConsumerClosed(consumer.id(), reason));
  }

  /** The transport is closing: everything on it goes. */
  void closeAllOf(WebRtcTransport t) {
    for (Producer p : new ArrayList<>(t.media().producers())) {
      closeProducer(p, "transport closed");
    }
    for (Consumer consumer : new ArrayList<>(t.media().consumers())) {
      closeConsumer(consumer, "transport closed");
    }
  }

  static EngineException unknown(Object id) {
    return new EngineException(EngineException.Code.NOT_FOUND, "no " + id);
  }
}
