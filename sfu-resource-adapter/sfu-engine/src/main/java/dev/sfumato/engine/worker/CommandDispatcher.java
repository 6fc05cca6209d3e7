package dev.sfumato.engine.worker;

import java.util.function.Supplier;

/**
 * Applies each command to the table that owns its object (routers, transports, producers and
 * consumers, data producers and consumers). Runs on the worker thread only.
 */
final class CommandDispatcher {

  private final RouterTable routers;
  private final TransportTable transports;
  private final ForwardTable forward;
  private final DataTable data;
  private final Supplier<dev.sfumato.engine.api.WorkerDump> dump;

  CommandDispatcher(
      RouterTable routers,
      TransportTable transports,
      ForwardTable forward,
      DataTable data,
      Supplier<dev.sfumato.engine.api.WorkerDump> dump) {
    this.routers = routers;
    this.transports = transports;
    this.forward = forward;
    this.data = data;
    this.dump = dump;
  }

  void dispatch(Command command) {
    if (command instanceof Command.TransportDtlsSend c) {
      transports.dtlsSend(c);
    } else if (command instanceof Command.TransportSctpPacket c) {
      transports.sctpPacket(c);
    } else if (command instanceof Command.TransportDtlsConnected c) {
      transports.dtlsConnected(c);
    } else if (command instanceof Command.TransportDtlsEnded c) {
      transports.dtlsEnded(c);
    } else if (command instanceof Command.RouterCreate c) {
      routers.create(c);
    } else if (command instanceof Command.RouterClose c) {
      routers.close(c);
    } else if (command instanceof Command.RouterGetSpeakers c) {
      routers.speakers(c);
    } else if (command instanceof Command.WorkerDump c) {
      c.reply().complete(dump.get());
    } else if (command instanceof Command.TransportCreate c) {
      transports.create(c);
    } else if (command instanceof Command.TransportConnect c) {
      transports.connect(c);
    } else if (command instanceof Command.TransportRestartIce c) {
      transports.restartIce(c);
    } else if (command instanceof Command.TransportClose c) {
      transports.close(c);
    } else if (command instanceof Command.TransportGetStats c) {
      transports.stats(c);
    } else {
      dispatchForward(command);
    }
  }

  private void dispatchForward(Command command) {
    if (command instanceof Command.ProducerCreate c) {
      forward.createProducer(c);
    } else if (command instanceof Command.ProducerChange c) {
      forward.changeProducer(c);
    } else if (command instanceof Command.ProducerGetStats c) {
      forward.producerStats(c);
    } else if (command instanceof Command.ConsumerCreate c) {
      forward.createConsumer(c);
    } else if (command instanceof Command.ConsumerChange c) {
      forward.changeConsumer(c);
    } else if (command instanceof Command.ConsumerGetStats c) {
      forward.consumerStats(c);
    } else {
      dispatchData(command);
    }
  }

  private void dispatchData(Command command) {
    if (command instanceof Command.TransportEnableSctp c) {
      data.enableSctp(c);
    } else if (command instanceof Command.DataProducerCreate c) {
      data.createProducer(c);
    } else if (command instanceof Command.DataProducerClose c) {
      data.closeProducer(c);
    } else if (command instanceof Command.DataProducerGetStats c) {
      data.producerStats(c);
    } else if (command instanceof Command.DataConsumerCreate c) {
      data.createConsumer(c);
    } else if (command instanceof Command.DataConsumerSend c) {
      data.send(c);
    } else if (command instanceof Command.DataConsumerClose c) {
      data.closeConsumer(c);
    } else if (command instanceof Command.DataConsumerGetStats c) {
      data.consumerStats(c);
    } else if (command instanceof Command.WorkerInjectLoss c) {
      transports.injectLoss(c);
    }
  }
}
