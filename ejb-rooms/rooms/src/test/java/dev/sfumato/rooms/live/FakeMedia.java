package dev.sfumato.rooms.live;

import dev.sfumato.engine.api.ConsumerId;
import dev.sfumato.engine.api.DataChannelParameters;
import dev.sfumato.engine.api.DataConsumerId;
import dev.sfumato.engine.api.DtlsFingerprint;
import dev.sfumato.engine.api.DtlsParameters;
import dev.sfumato.engine.api.IceCandidate;
import dev.sfumato.engine.api.IceParameters;
import dev.sfumato.engine.api.ProducerId;
import dev.sfumato.engine.api.RouterId;
import dev.sfumato.engine.api.RtpParameters;
import dev.sfumato.engine.api.SctpParameters;
import dev.sfumato.engine.api.TransportId;
import dev.sfumato.engine.api.WebRtcTransportInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Media} that hands out sequential ids and records every call, so tests can see what the
 * room asked of the engine. Each transport gets its own ICE credentials, the same sha-256
 * fingerprint and one 127.0.0.1 host candidate, like the real engine's answer material.
 */
final class FakeMedia implements Media {
  static final String FINGERPRINT =
      "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";

  /** Calls in order, e.g. {@code "produce TP_1"}, {@code "closeConsumer CO_1"}. */
  final List<String> calls = new ArrayList<>();

  final Map<TransportId, DtlsParameters> connected = new LinkedHashMap<>();
  final Map<ProducerId, RtpParameters> producers = new LinkedHashMap<>();
  final Map<ConsumerId, ProducerId> consumers = new LinkedHashMap<>();
  final List<TransportId> closedTransports = new ArrayList<>();
  final List<ConsumerId> closedConsumers = new ArrayList<>();
  final List<ProducerId> closedProducers = new ArrayList<>();
  final Map<TransportId, SctpParameters> sctp = new LinkedHashMap<>();

  /** Data channels the room opened: id → (transport, parameters). */
  final Map<DataConsumerId, OpenedChannel> dataChannels = new LinkedHashMap<>();

  final List<SentData> sent = new ArrayList<>();
  final List<DataConsumerId> closedDataChannels = new ArrayList<>();

  /** What {@link #enableSctp} answers: the engine's port and max-message-size. */
  SctpParameters localSctp = new SctpParameters(5000, 262144);

  record OpenedChannel(TransportId transport, DataChannelParameters parameters) {}

  record SentData(DataConsumerId channel, byte[] payload) {}

  private int next;

  @Override
  public WebRtcTransportInfo createTransport(RouterId router) {
    int n = ++next;
    TransportId id = new TransportId("TP_" + n);
    calls.add("createTransport " + router);
    return new WebRtcTransportInfo(
        id,
        router,
        new IceParameters("uf" + n + "xx", "passwordOfTransport" + n + "xxxxxxxxxx"),
        List.of(new IceCandidate("1", 2_130_706_431L, "127.0.0.1", 40_000)),
        List.of(new DtlsFingerprint("sha-256", FINGERPRINT)));
  }

  @Override
  public void connect(TransportId transport, IceParameters remoteIce, DtlsParameters remoteDtls) {
    calls.add("connect " + transport);
    connected.put(transport, remoteDtls);
  }

  @Override
  public IceParameters restartIce(TransportId transport, IceParameters remoteIce) {
    calls.add("restartIce " + transport);
    int n = ++next;
    return new IceParameters("rs" + n + "xx", "passwordAfterRestart" + n + "xxxxxxxxxx");
  }

  @Override
  public void closeTransport(TransportId transport) {
    calls.add("closeTransport " + transport);
    closedTransports.add(transport);
  }

  @Override
  public ProducerId produce(TransportId transport, RtpParameters parameters) {
    ProducerId id = new ProducerId("PR_" + ++next);
    calls.add("produce " + transport);
    producers.put(id, parameters);
    return id;
  }

  @Override
  public void closeProducer(ProducerId producer) {
    calls.add("closeProducer " + producer);
    closedProducers.add(producer);
  }

  @Override
  public ConsumerId consume(TransportId transport, ProducerId producer, RtpParameters parameters) {
    ConsumerId id = new ConsumerId("CO_" + ++next);
    calls.add("consume " + transport + " " + producer);
    consumers.put(id, producer);
    return id;
  }

  @Override
  public void closeConsumer(ConsumerId consumer) {
    calls.add("closeConsumer " + consumer);
    closedConsumers.add(consumer);
  }

  @Override
  public void setConsumerPaused(ConsumerId consumer, boolean paused) {
    calls.add("setConsumerPaused " + consumer + " " + paused);
  }

  @Override
  public SctpParameters enableSctp(TransportId transport, SctpParameters remote) {
    calls.add("enableSctp " + transport + " " + remote.port() + " " + remote.maxMessageSize());
    sctp.put(transport, remote);
    return localSctp;
  }

  @Override
  public DataConsumerId openDataChannel(TransportId transport, DataChannelParameters channel) {
    DataConsumerId id = new DataConsumerId("DC_" + ++next);
    calls.add("openDataChannel " + transport + " " + channel.label() + " " + channel.streamId());
    dataChannels.put(id, new OpenedChannel(transport, channel));
    return id;
  }

  @Override
  public void sendData(DataConsumerId channel, byte[] payload) {
    sent.add(new SentData(channel, payload));
  }

  @Override
  public void closeDataChannel(DataConsumerId channel) {
    calls.add("closeDataChannel " + channel);
    closedDataChannels.add(channel);
  }

  /** The messages sent on the channels opened on {@code transport}, in order. */
  List<byte[]> sentOn(TransportId transport) {
    return sent.stream()
        .filter(d -> dataChannels.get(d.channel()).transport().equals(transport))
        .map(SentData::payload)
        .toList();
  }

  /** The channel the room opened on {@code transport} with {@code label}, or null. */
  DataConsumerId channel(TransportId transport, String label) {
    DataConsumerId found = null;
    for (Map.Entry<DataConsumerId, OpenedChannel> e : dataChannels.entrySet()) {
      if (e.getValue().transport().equals(transport)
          && e.getValue().parameters().label().equals(label)) {
        found = e.getKey();
      }
    }
    return found;
  }
}
