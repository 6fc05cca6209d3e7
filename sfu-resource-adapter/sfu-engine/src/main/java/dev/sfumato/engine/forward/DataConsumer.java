package dev.sfumato.engine.forward;

import dev.sfumato.engine.api.DataChannelParameters;
import dev.sfumato.engine.api.DataConsumerId;
import dev.sfumato.engine.api.DataProducerId;
import dev.sfumato.engine.sctp.SendOptions;
import dev.sfumato.engine.sctp.SendStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One data channel stream on which the engine sends (mediasoup's DataConsumer): a data producer's
 * messages, or the application's ({@code sendData}). A message the association refuses is a counted
 * drop, never an error: above the peer's max-message-size (RFC 8841 §6) it would only make the peer
 * abort, and a full send buffer means the peer reads slower than we are fed. Confined to the worker
 * thread.
 */
public final class DataConsumer {

  private final DataConsumerId id;
  private final DataTransport transport;
  private final DataProducer producer;
  private final DataChannelParameters channel;
  private final SendOptions options;
  private long messagesOut;
  private long bytesOut;
  private long droppedBufferFull;
  private long droppedTooLarge;
  private long droppedClosed;

  /**
   * @param producer the data producer feeding it, or null for an application-fed one
   * @param channel the channel with the stream id it sends on; its ordering and partial reliability
   *     become the send options (RFC 8831 §6.1)
   */
  public DataConsumer(
      DataConsumerId id,
      DataTransport transport,
      DataProducer producer,
      DataChannelParameters channel) {
    this.id = id;
    this.transport = transport;
    this.producer = producer;
    this.channel = channel;
    this.options = sendOptions(channel);
  }

  /** maxRetransmits and maxPacketLifeTime are RFC 3758 PR-SCTP limits; -1 means unlimited. */
  public static SendOptions sendOptions(DataChannelParameters channel) {
    return new SendOptions(
        !channel.ordered(), channel.maxRetransmits(), channel.maxPacketLifeTime());
  }

  public DataConsumerId id() {
    return id;
  }

  public DataTransport transport() {
    return transport;
  }

  /** The producer feeding it, null when the application feeds it. */
  public DataProducer producer() {
    return producer;
  }

  public DataProducerId producerId() {
    return producer == null ? null : producer.id();
  }

  public DataChannelParameters channel() {
    return channel;
  }

  public int streamId() {
    return channel.streamId();
  }

  /** Queues one message; false (and counted) if the association refused it. */
  public boolean send(boolean binary, byte[] data) {
    SendStatus s = transport.sendMessage(channel.streamId(), binary, data, options);
    switch (s) {
      case OK -> {
        messagesOut++;
        bytesOut += data.length;
        return true;
      }
      case BUFFER_FULL -> droppedBufferFull++;
      case TOO_LARGE -> droppedTooLarge++;
      default -> droppedClosed++;
    }
    return false;
  }

  /** Stable counter names; see {@code EngineControl#dataConsumerStats}. */
  public Map<String, Long> stats() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("messagesOut", messagesOut);
    m.put("bytesOut", bytesOut);
    m.put("dropped", droppedBufferFull + droppedTooLarge + droppedClosed);
    m.put("droppedBufferFull", droppedBufferFull);
    m.put("droppedTooLarge", droppedTooLarge);
    m.put("droppedClosed", droppedClosed);
    m.put("bufferedAmount", transport.bufferedAmount());
    return m;
  }
}
