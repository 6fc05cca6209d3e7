package dev.sfumato.engine.transport;

import dev.sfumato.engine.api.DataChannelParameters;
import dev.sfumato.engine.forward.DataConsumer;
import dev.sfumato.engine.forward.DataProducer;
import dev.sfumato.engine.sctp.DataChannel;
import dev.sfumato.engine.sctp.DataChannels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which data producer and which data consumer use each SCTP stream of a transport (at most one of
 * each) and the DCEP channel under them (RFC 8832): the peer's, a negotiated one registered here,
 * or one we open. Its own class so that {@link TransportData} keeps the association's life, timer
 * and events, and this the API's rules for binding a stream. Worker thread only.
 */
final class StreamBindings {

  private final Map<Integer, DataProducer> producers = new HashMap<>();
  private final Map<Integer, DataConsumer> consumers = new HashMap<>();

  /** {@link TransportData#produceOn}'s checks and channel, once the association is built. */
  void produceOn(DataChannels channels, DataChannelParameters channel) {
    int id = channel.streamId();
    if (id < 0) {
      throw new IllegalArgumentException("a data producer needs its negotiated stream id");
    }
    if (producers.containsKey(id)) {
      throw new IllegalArgumentException("stream " + id + " already has a data producer");
    }
    useOrNegotiate(channels, channel);
  }

  /** {@link TransportData#consumeOn}'s checks and channel, once the association is built. */
  DataChannelParameters consumeOn(DataChannels channels, DataChannelParameters channel) {
    int id = channel.streamId();
    if (id >= 0 && consumers.containsKey(id)) {
      throw new IllegalArgumentException("stream " + id + " already has a data consumer");
    }
    if (id >= 0) {
      useOrNegotiate(channels, channel);
      return channel;
    }
    ChannelParameters.checkLabels(channel);
    try {
      DataChannel ch =
          channels.open(
              channel.label(),
              channel.protocol(),
              ChannelParameters.type(channel),
              ChannelParameters.reliability(channel),
              0);
      return channel.withStreamId(ch.id());
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException("cannot open a channel: " + e.getMessage(), e);
    }
  }

  private static void useOrNegotiate(DataChannels channels, DataChannelParameters channel) {
    DataChannel ch = channels.channel(channel.streamId());
    if (ch == null) {
      ChannelParameters.checkLabels(channel);
      channels.negotiated(
          channel.streamId(),
          channel.label(),
          channel.protocol(),
          ChannelParameters.type(channel),
          ChannelParameters.reliability(channel));
    } else if (ch.state() == DataChannel.State.CLOSING || ch.state() == DataChannel.State.CLOSED) {
      throw new IllegalArgumentException("stream " + channel.streamId() + " is closing");
    }
  }

  void add(DataProducer p) {
    producers.put(p.streamId(), p);
  }

  void add(DataConsumer c) {
    consumers.put(c.streamId(), c);
  }

  /** True if {@code p} was bound (and now is not). */
  boolean remove(DataProducer p) {
    return producers.remove(p.streamId(), p);
  }

  /** True if {@code c} was bound (and now is not). */
  boolean remove(DataConsumer c) {
    return consumers.remove(c.streamId(), c);
  }

  /** Neither a producer nor a consumer uses the stream: its channel may close (RFC 8831 §6.7). */
  boolean unused(int streamId) {
    return !producers.containsKey(streamId) && !consumers.containsKey(streamId);
  }

  DataProducer producer(int streamId) {
    return producers.get(streamId);
  }

  DataConsumer consumer(int streamId) {
    return consumers.get(streamId);
  }

  List<DataProducer> producers() {
    return new ArrayList<>(producers.values());
  }

  List<DataConsumer> consumers() {
    return new ArrayList<>(consumers.values());
  }

  int producerCount() {
    return producers.size();
  }

  int consumerCount() {
    return consumers.size();
  }
}
