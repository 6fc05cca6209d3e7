package dev.sfumato.engine.worker;

import dev.sfumato.engine.api.DataChannelParameters;
import dev.sfumato.engine.api.DataConsumerInfo;
import dev.sfumato.engine.api.DataProducerId;
import dev.sfumato.engine.api.DataProducerInfo;
import dev.sfumato.engine.api.EngineEvent;
import dev.sfumato.engine.api.StatsReport;
import dev.sfumato.engine.forward.DataConsumer;
import dev.sfumato.engine.forward.DataProducer;
import dev.sfumato.engine.transport.TransportData;
import dev.sfumato.engine.transport.WebRtcTransport;
import java.util.HashMap;
import java.util.Map;

/**
 * The data producers and consumers of one worker and their commands (mediasoup's produceData /
 * consumeData). A data producer reads one stream of a transport's SCTP association, a data consumer
 * sends on one; a producer's consumers are on transports of the same router, so of this worker.
 * Closing cascades: data producer → its consumers ("data producer closed"), transport → its data
 * producers and consumers ("transport closed"), a stream the peer reset → what used it. Confined to
 * the worker thread.
 */
final class DataTable implements TransportData.Owner {

  private record ProducerEntry(DataProducer producer, TransportData data) {}

  private final MediaWorker worker;
  private final RouterDirectory directory;
  private final EventSink events;
  private final TransportTable transports;
  private final Map<DataProducerId, ProducerEntry> producers = new HashMap<>();
  private final Map<dev.sfumato.engine.api.DataConsumerId, DataConsumer> consumers =
      new HashMap<>();

  DataTable(
      MediaWorker worker, RouterDirectory directory, EventSink events, TransportTable transports) {
    this.worker = worker;
    this.directory = directory;
    this.events = events;
    this.transports = transports;
  }

  void enableSctp(Command.TransportEnableSctp c) {
    WebRtcTransport t = transport(c, c.id());
    if (t == null) {
      return;
    }
    if (c.remote() == null) {
      c.fail(TransportTable.invalid("remote SCTP parameters are required"));
      return;
    }
    try {
      t.enableSctp(this, c.remote(), c.emitMessages());
    } catch (IllegalArgumentException e) {
      c.fail(TransportTable.invalid(e.getMessage()));
      return;
    }
    c.reply().complete(TransportData.LOCAL);
  }

  void createProducer(Command.DataProducerCreate c) {
    TransportData data = data(c, c.transport());
    if (data == null) {
      return;
    }
    if (c.channel() == null) {
      c.fail(TransportTable.invalid("channel parameters are required"));
      return;
    }
    DataChannelParameters channel;
    try {
      channel = data.produceOn(c.channel());
    } catch (IllegalArgumentException e) {
      c.fail(TransportTable.invalid(e.getMessage()));
      return;
    }
    c.reply().complete(add(c.id(), data, channel));
  }

  @Override
  public void peerOpened(TransportData data, DataChannelParameters channel) {
    DataProducerInfo info = add(DataProducerId.random(), data, channel);
    events.emit(new EngineEvent.DataProducerOpened(info));
  }

  private DataProducerInfo add(DataProducerId id, TransportData data, DataChannelParameters ch) {
    DataProducer p = new DataProducer(id, data.id(), ch, !data.emitMessages());
    data.addProducer(p);
    producers.put(id, new ProducerEntry(p, data));
    directory.register(id, worker);
    return new DataProducerInfo(id, data.id(), ch);
  }

  void closeProducer(Command.DataProducerClose c) {
    ProducerEntry e = producers.get(c.id());
    if (e == null) {
      c.fail(TransportTable.notFound("data producer " + c.id()));
      return;
    }
    closeProducer(e, "closed by call");
    c.reply().complete(null);
  }

  void producerStats(Command.DataProducerGetStats c) {
    ProducerEntry e = producers.get(c.id());
    if (e == null) {
      c.fail(TransportTable.notFound("data producer " + c.id()));
      return;
    }
    c.reply().complete(new StatsReport(c.id().value(), "data-producer", e.producer().stats()));
  }

  void createConsumer(Command.DataConsumerCreate c) {
    TransportData data = data(c, c.transport());
    if (data == null) {
      return;
    }
    ProducerEntry source = null;
    if (c.producer() != null) {
      source = producers.get(c.producer());
      if (source == null) {
        c.fail(TransportTable.notFound("data producer " + c.producer()));
        return;
      }
      if (!source.data().transport().routerId().equals(data.transport().routerId())) {
        c.fail(TransportTable.invalid("data producer and transport are in different routers"));
        return;
      }
    }
    if (c.channel() == null) {
      c.fail(TransportTable.invalid("channel parameters are required"));
      return;
    }
    DataChannelParameters channel;
    try {
      channel = data.consumeOn(c.channel());
    } catch (IllegalArgumentException e) {
      c.fail(TransportTable.invalid(e.getMessage()));
      return;
    }
    DataProducer p = source == null ? null : source.producer();
    DataConsumer consumer = new DataConsumer(c.id(), data, p, channel);
    data.addConsumer(consumer);
    consumers.put(c.id(), consumer);
    directory.register(c.id(), worker);
    // reply first: the backlog handed over below may already be on its way
    c.reply().complete(new DataConsumerInfo(c.id(), data.id(), c.producer(), channel));
    if (p != null) {
      p.addConsumer(consumer);
    }
  }

  void send(Command.DataConsumerSend c) {
    DataConsumer consumer = consumers.get(c.id());
    if (consumer == null) {
      c.fail(TransportTable.notFound("data consumer " + c.id()));
      return;
    }
    if (consumer.producer() != null) {
      c.fail(TransportTable.invalid("data consumer " + c.id() + " is fed by a data producer"));
      return;
    }
    if (c.payload() == null) {
      c.fail(TransportTable.invalid("payload is required"));
      return;
    }
    c.reply().complete(consumer.send(c.binary(), c.payload()));
  }

  void closeConsumer(Command.DataConsumerClose c) {
    DataConsumer consumer = consumers.get(c.id());
    if (consumer == null) {
      c.fail(TransportTable.notFound("data consumer " + c.id()));
      return;
    }
    closeConsumer(consumer, "closed by call");
    c.reply().complete(null);
  }

  void consumerStats(Command.DataConsumerGetStats c) {
    DataConsumer consumer = consumers.get(c.id());
    if (consumer == null) {
      c.fail(TransportTable.notFound("data consumer " + c.id()));
      return;
    }
    c.reply().complete(new StatsReport(c.id().value(), "data-consumer", consumer.stats()));
  }

  @Override
  public void streamClosed(TransportData data, int streamId, String reason) {
    DataProducer p = data.producerOn(streamId);
    if (p != null) {
      closeProducer(producers.get(p.id()), reason);
    }
    DataConsumer consumer = data.consumerOn(streamId);
    if (consumer != null) {
      closeConsumer(consumer, reason);
    }
  }

  private void closeProducer(ProducerEntry e, String reason) {
    DataProducer p = e.producer();
    if (producers.remove(p.id()) == null) {
      return;
    }
    for (DataConsumer consumer : p.consumers()) {
      closeConsumer(consumer, "data producer closed");
    }
    e.data().removeProducer(p);
    directory.unregister(p.id());
    events.emit(new EngineEvent.DataProducerClosed(p.id(), p.transportId(), reason));
  }

  private void closeConsumer(DataConsumer consumer, String reason) {
    if (consumers.remove(consumer.id()) == null) {
      return;
    }
    if (consumer.producer() != null) {
      consumer.producer().removeConsumer(consumer);
    }
    ((TransportData) consumer.transport()).removeConsumer(consumer);
    directory.unregister(consumer.id());
    events.emit(
        new EngineEvent.DataConsumerClosed(consumer.id(), consumer.transport().id(), reason));
  }

  /** The transport is closing: its data producers (with their consumers) and consumers go. */
  void closeAllOf(WebRtcTransport t) {
    TransportData data = t.data();
    if (data == null) {
      return;
    }
    data.close(); // ABORT first: no stream resets for the channels closing below
    for (DataProducer p : data.producers()) {
      ProducerEntry e = producers.get(p.id());
      if (e != null) {
        closeProducer(e, "transport closed");
      }
    }
    for (DataConsumer consumer : data.consumers()) {
      closeConsumer(consumer, "transport closed");
    }
  }

  int producerCount() {
    return producers.size();
  }

  private WebRtcTransport transport(Command c, dev.sfumato.engine.api.TransportId id) {
    WebRtcTransport t = transports.get(id);
    if (t == null) {
      c.fail(TransportTable.notFound("transport " + id));
    }
    return t;
  }

  private TransportData data(Command c, dev.sfumato.engine.api.TransportId id) {
    WebRtcTransport t = transport(c, id);
    if (t == null) {
      return null;
    }
    if (t.data() == null) {
      c.fail(TransportTable.invalid("SCTP is not enabled on transport " + id));
      return null;
    }
    return t.data();
  }
}
