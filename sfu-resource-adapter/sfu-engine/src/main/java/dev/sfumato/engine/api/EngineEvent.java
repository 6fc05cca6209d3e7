package dev.sfumato.engine.api;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;

/**
 * What the engine tells the session layer without being asked. Emitted on the worker thread that
 * observed it; listeners must hand events off quickly.
 */
public sealed interface EngineEvent {

  /**
   * A worker's loop runs and its socket is bound.
   *
   * @param workerId the worker's index
   * @param localAddress the bound UDP address
   */
  record WorkerStarted(int workerId, InetSocketAddress localAddress) implements EngineEvent {
    public WorkerStarted {
      Objects.requireNonNull(localAddress, "localAddress");
    }
  }

  /**
   * A worker's loop has ended and its socket is closed; its routers are gone.
   *
   * @param workerId the worker's index
   * @param reason why, for logs ("engine stopped", "interrupted", a failure)
   */
  record WorkerStopped(int workerId, String reason) implements EngineEvent {
    public WorkerStopped {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * A router was closed, by a call or because its worker stopped.
   *
   * @param routerId the closed router
   */
  record RouterClosed(RouterId routerId) implements EngineEvent {
    public RouterClosed {
      Objects.requireNonNull(routerId, "routerId");
    }
  }

  /**
   * A transport's ICE or DTLS state changed.
   *
   * @param ice NEW, CHECKING, CONNECTED or DISCONNECTED
   * @param dtls NEW, CONNECTING, CONNECTED, FAILED or CLOSED
   */
  record TransportStateChanged(TransportId transportId, String ice, String dtls)
      implements EngineEvent {
    public TransportStateChanged {
      Objects.requireNonNull(transportId, "transportId");
      Objects.requireNonNull(ice, "ice");
      Objects.requireNonNull(dtls, "dtls");
    }
  }

  /** A transport closed: by a call, a DTLS failure (e.g. fingerprint mismatch) or its router. */
  record TransportClosed(TransportId transportId, String reason) implements EngineEvent {
    public TransportClosed {
      Objects.requireNonNull(transportId, "transportId");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A producer closed: by a call or with its transport. */
  record ProducerClosed(ProducerId producerId, String reason) implements EngineEvent {
    public ProducerClosed {
      Objects.requireNonNull(producerId, "producerId");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A consumer closed: by a call, with its transport, or because its producer went away. */
  record ConsumerClosed(ConsumerId consumerId, String reason) implements EngineEvent {
    public ConsumerClosed {
      Objects.requireNonNull(consumerId, "consumerId");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * A router's speakers changed (set or rounded level), at most once per observer window
   * (EngineConfig#speakerInterval). Active speakers come first, loudest first; then, once each,
   * those that stopped since the last event (active=false, level 0), so the room can clear them.
   */
  record SpeakersChanged(RouterId router, List<SpeakerLevel> speakers) implements EngineEvent {
    public SpeakersChanged {
      Objects.requireNonNull(router, "router");
      speakers = List.copyOf(speakers);
    }
  }

  /**
   * A transport's SCTP association changed state (after {@code enableSctp}).
   *
   * @param state CONNECTING, CONNECTED, CLOSED (shutdown or transport closed) or FAILED (abort,
   *     retransmission limit)
   */
  record SctpStateChanged(TransportId transportId, String state) implements EngineEvent {
    public SctpStateChanged {
      Objects.requireNonNull(transportId, "transportId");
      Objects.requireNonNull(state, "state");
    }
  }

  /**
   * The peer opened a data channel with DCEP (RFC 8832): the engine made it a data producer and
   * acknowledged it. Messages that arrive before it has a consumer are kept (bounded) for its first
   * one; with message events on (see {@code enableSctp}) each is also a {@link DataMessage}.
   */
  record DataProducerOpened(DataProducerInfo info) implements EngineEvent {
    public DataProducerOpened {
      Objects.requireNonNull(info, "info");
    }
  }

  /** A data producer closed: by a call, the peer closing the channel, or with its transport. */
  record DataProducerClosed(DataProducerId dataProducerId, TransportId transportId, String reason)
      implements EngineEvent {
    public DataProducerClosed {
      Objects.requireNonNull(dataProducerId, "dataProducerId");
      Objects.requireNonNull(transportId, "transportId");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A data consumer closed: by a call, the peer, its data producer or its transport. */
  record DataConsumerClosed(DataConsumerId dataConsumerId, TransportId transportId, String reason)
      implements EngineEvent {
    public DataConsumerClosed {
      Objects.requireNonNull(dataConsumerId, "dataConsumerId");
      Objects.requireNonNull(transportId, "transportId");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * One complete message the peer sent on a data producer's channel, emitted only on transports
   * whose {@code enableSctp} asked for message events. In order per data producer as the channel
   * delivered them (ordered channels: send order).
   *
   * @param binary PPID 53/57 (binary) rather than 51/56 (string, UTF-8)
   * @param payload the message, owned by the receiver of the event (empty for an empty message)
   */
  record DataMessage(
      DataProducerId dataProducerId, TransportId transportId, boolean binary, byte[] payload)
      implements EngineEvent {
    public DataMessage {
      Objects.requireNonNull(dataProducerId, "dataProducerId");
      Objects.requireNonNull(transportId, "transportId");
      Objects.requireNonNull(payload, "payload");
    }
  }
}
