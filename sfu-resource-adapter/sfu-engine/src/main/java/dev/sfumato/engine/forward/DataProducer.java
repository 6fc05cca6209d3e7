package dev.sfumato.engine.forward;

import dev.sfumato.engine.api.DataChannelParameters;
import dev.sfumato.engine.api.DataProducerId;
import dev.sfumato.engine.api.TransportId;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages a peer sends on one data channel (mediasoup's DataProducer), fanned out to its data
 * consumers on the same worker. Each message's array is handed to every consumer's association as
 * is: SCTP only reads it, so forwarding copies nothing. Confined to the worker thread.
 *
 * <p>Backlog: until it has a consumer, a producer keeps what arrives (at most {@value
 * #BACKLOG_MESSAGES} messages and {@value #BACKLOG_BYTES} bytes, then counted drops) and hands it
 * to the next consumer, so a loopback or a subscriber created on {@code DataProducerOpened} loses
 * nothing the peer sent in between. Producers whose messages also go out as events keep none.
 */
public final class DataProducer {

  /** About a second of a chatty channel (LiveKit data packets) before anyone consumes it. */
  public static final int BACKLOG_MESSAGES = 256;

  /** One MiB: four messages of the largest size we accept (262144, RFC 8841 max-message-size). */
  public static final int BACKLOG_BYTES = 1 << 20;

  private static final DataConsumer[] NONE = new DataConsumer[0];

  private record Held(boolean binary, byte[] data) {}

  private final DataProducerId id;
  private final TransportId transportId;
  private final DataChannelParameters channel;
  private final boolean keepsBacklog;
  private final ArrayDeque<Held> backlog = new ArrayDeque<>();
  private DataConsumer[] consumers = NONE;
  private long backlogBytes;
  private long messagesIn;
  private long bytesIn;
  private long messagesOut;
  private long backlogDropped;

  /**
   * @param channel the channel, with the stream id it uses
   * @param keepsBacklog false when every message is also an event for the application
   */
  public DataProducer(
      DataProducerId id,
      TransportId transportId,
      DataChannelParameters channel,
      boolean keepsBacklog) {
    this.id = id;
    this.transportId = transportId;
    this.channel = channel;
    this.keepsBacklog = keepsBacklog;
  }

  public DataProducerId id() {
    return id;
  }

  public TransportId transportId() {
    return transportId;
  }

  public DataChannelParameters channel() {
    return channel;
  }

  public int streamId() {
    return channel.streamId();
  }

  /** One message from the peer; {@code data} is ours and is only read from now on. */
  public void receive(boolean binary, byte[] data) {
    messagesIn++;
    bytesIn += data.length;
    DataConsumer[] now = consumers;
    if (now.length == 0) {
      hold(binary, data);
      return;
    }
    for (DataConsumer c : now) {
      c.send(binary, data);
    }
    messagesOut++;
  }

  private void hold(boolean binary, byte[] data) {
    if (!keepsBacklog) {
      return;
    }
    if (backlog.size() >= BACKLOG_MESSAGES || backlogBytes + data.length > BACKLOG_BYTES) {
      backlogDropped++;
      return;
    }
    backlog.add(new Held(binary, data));
    backlogBytes += data.length;
  }

  /** Adds a consumer (copy-on-write) and hands it what arrived while there was none. */
  public void addConsumer(DataConsumer consumer) {
    DataConsumer[] next = Arrays.copyOf(consumers, consumers.length + 1);
    next[consumers.length] = consumer;
    consumers = next;
    Held h;
    while ((h = backlog.poll()) != null) {
      consumer.send(h.binary(), h.data());
      messagesOut++;
    }
    backlogBytes = 0;
  }

  public void removeConsumer(DataConsumer consumer) {
    DataConsumer[] now = consumers;
    for (int i = 0; i < now.length; i++) {
      if (now[i] == consumer) {
        DataConsumer[] next = new DataConsumer[now.length - 1];
        System.arraycopy(now, 0, next, 0, i);
        System.arraycopy(now, i + 1, next, i, now.length - i - 1);
        consumers = next;
        return;
      }
    }
  }

  public boolean hasConsumers() {
    return consumers.length > 0;
  }

  public List<DataConsumer> consumers() {
    return List.of(consumers);
  }

  /** Stable counter names; see {@code EngineControl#dataProducerStats}. */
  public Map<String, Long> stats() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("messagesIn", messagesIn);
    m.put("bytesIn", bytesIn);
    m.put("messagesOut", messagesOut);
    m.put("backlog", (long) backlog.size());
    m.put("backlogDropped", backlogDropped);
    m.put("consumers", (long) consumers.length);
    return m;
  }
}
