package dev.sfumato.rooms.live;

import dev.sfumato.engine.api.ConsumerId;
import dev.sfumato.engine.api.DtlsParameters;
import dev.sfumato.engine.api.IceParameters;
import dev.sfumato.engine.api.ProducerId;
import dev.sfumato.engine.api.RouterId;
import dev.sfumato.engine.api.RtpParameters;
import dev.sfumato.engine.api.TransportId;
import dev.sfumato.engine.api.WebRtcTransportInfo;
import dev.sfumato.rooms.auth.ClaimGrants;
import dev.sfumato.rooms.auth.VideoGrant;
import dev.sfumato.rooms.domain.RoomSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.TrackSource;
import livekit.LivekitModels.TrackType;
import livekit.LivekitRtc.AddTrackRequest;
import livekit.LivekitRtc.SignalResponse;

/** Test doubles for the RoomAdmin tests: a media engine that records calls, recording sinks. */
final class RoomAdminFakes {
  private RoomAdminFakes() {}

  /** Hands out ids and records what was asked of it. */
  static final class FakeMedia implements Media {
    final List<String> calls = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    private String next(String prefix) {
      return prefix + ids.incrementAndGet();
    }

    @Override
    public WebRtcTransportInfo createTransport(RouterId router) {
      calls.add("createTransport " + router);
      return new WebRtcTransportInfo(
          new TransportId(next("TP_")),
          router,
          new IceParameters("ufrag" + ids.get(), "password-password-password" + ids.get()),
          List.of(),
          List.of());
    }

    @Override
    public void connect(TransportId transport, IceParameters remoteIce, DtlsParameters dtls) {
      calls.add("connect " + transport);
    }

    @Override
    public IceParameters restartIce(TransportId transport, IceParameters remoteIce) {
      calls.add("restartIce " + transport);
      return new IceParameters("ufrag-new", "password-password-password-new");
    }

    @Override
    public void closeTransport(TransportId transport) {
      calls.add("closeTransport " + transport);
    }

    @Override
    public ProducerId produce(TransportId transport, RtpParameters parameters) {
      ProducerId id = new ProducerId(next("PR_"));
      calls.add("produce " + id);
      return id;
    }

    @Override
    public void closeProducer(ProducerId producer) {
      calls.add("closeProducer " + producer);
    }

    @Override
    public void setProducerPaused(ProducerId producer, boolean paused) {
      calls.add("setProducerPaused " + producer + " " + paused);
    }

    @Override
    public ConsumerId consume(TransportId transport, ProducerId producer, RtpParameters rtp) {
      ConsumerId id = new ConsumerId(next("CO_"));
      calls.add("consume " + id);
      return id;
    }

    @Override
    public void closeConsumer(ConsumerId consumer) {
      calls.add("closeConsumer " + consumer);
    }

    @Override
    public void setConsumerPaused(ConsumerId consumer, boolean paused) {
      calls.add("setConsumerPaused " + consumer + " " + paused);
    }
  }

  /** A participant's WebSocket: keeps what was sent and whether it was closed. */
  static final class RecordingSink implements SignalSink {
    final List<SignalResponse> sent = new ArrayList<>();
    String closedBecause;

    @Override
    public void send(SignalResponse message) {
      sent.add(message);
    }

    @Override
    public void close(String reason) {
      closedBecause = reason;
    }

    List<SignalResponse> of(SignalResponse.MessageCase kind) {
      return sent.stream().filter(m -> m.getMessageCase() == kind).toList();
    }

    /** The participant infos of every {@code update} received, in order. */
    List<ParticipantInfo> updates() {
      return of(SignalResponse.MessageCase.UPDATE).stream()
          .flatMap(m -> m.getUpdate().getParticipantsList().stream())
          .toList();
    }

    void clear() {
      sent.clear();
    }
  }

  static final ServerSettings SETTINGS =
      new ServerSettings("1.0.0-test", "node-test", List.of(), 5, 15, 10, false);

  static RoomSnapshot snapshot(String name) {
    return new RoomSnapshot(
        "RM_" + name, name, 300, 20, 0, "", Instant.now(), List.of(), 0, 0, "RT_" + name);
  }

  /** A v1 participant without a peer connection: subscriptions are recorded, not negotiated. */
  static Participant participant(String identity, VideoGrant grant) {
    ClaimGrants claims =
        ClaimGrants.builder().identity(identity).name(identity + " name").video(grant).build();
    Participant p =
        new Participant(
            Sids.participant(),
            claims,
            Participant.Protocol.V1,
            16,
            ParticipantInfo.Kind.STANDARD,
            System.currentTimeMillis());
    p.autoSubscribe = true;
    return p;
  }

  static VideoGrant joinGrant(String room) {
    return VideoGrant.builder().roomJoin(true).room(room).build();
  }

  /** A track of {@code p} that is live (has a producer) and has been announced to the room. */
  static Publication publish(Room room, Participant p, TrackType type, TrackSource source) {
    synchronized (room) {
      Publication t =
          new Publication(
              Sids.track(),
              p,
              AddTrackRequest.newBuilder()
                  .setCid("cid-" + source)
                  .setType(type)
                  .setSource(source)
                  .setName(source.name().toLowerCase())
                  .build());
      t.producer = room.media.produce(null, null);
      p.publications.put(t.sid, t);
      room.published(t);
      return t;
    }
  }
}
