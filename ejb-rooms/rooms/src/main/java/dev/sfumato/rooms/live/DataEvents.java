package dev.sfumato.rooms.live;

import dev.sfumato.engine.api.DataConsumerId;
import dev.sfumato.engine.api.DataProducerId;
import dev.sfumato.engine.api.DataProducerInfo;
import dev.sfumato.engine.api.TransportId;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * The engine's data channel events, routed to the room layer. The engine names transports, the room
 * layer participants: each event is looked up in the node's transport index and handed to the
 * owning room's {@link RoomData} under that room's monitor, as every room change is. Events of
 * transports no room owns (closed already, or a loopback's) are ignored. Kept apart from {@link
 * LiveRooms} so the EJB stays the container's entry point and this routing is plain Java.
 */
final class DataEvents {
  private static final Logger LOG = Logger.getLogger(DataEvents.class.getName());

  private final Map<TransportId, TransportOwner> transports;

  /** {@code transports}: the index the rooms keep as they create and close transports. */
  DataEvents(Map<TransportId, TransportOwner> transports) {
    this.transports = transports;
  }

  void producerOpened(DataProducerInfo info) {
    onData(info.transportId(), (data, p) -> data.producerOpened(p, info));
  }

  void producerClosed(DataProducerId id, TransportId transport) {
    onData(transport, (data, p) -> data.producerClosed(p, id));
  }

  void consumerClosed(DataConsumerId id, TransportId transport) {
    onData(transport, (data, p) -> data.consumerClosed(p, id));
  }

  void message(DataProducerId producer, TransportId transport, byte[] payload) {
    onData(transport, (data, p) -> data.message(p, producer, payload));
  }

  /** Only logged: the channels' own open and close events do the work. */
  void sctpStateChanged(TransportId transport, String state) {
    TransportOwner owner = transports.get(transport);
    if (owner != null) {
      LOG.fine(() -> "SCTP of " + owner.participant().identity + " (" + transport + "): " + state);
    }
  }

  /** Runs {@code action} under the monitor of the transport's room; unknown transports: nothing. */
  private void onData(TransportId transport, BiConsumer<RoomData, Participant> action) {
    TransportOwner owner = transports.get(transport);
    if (owner != null) {
      synchronized (owner.room()) {
        action.accept(owner.room().data, owner.participant());
      }
    }
  }
}
