package dev.sfumato.rooms.live;

import dev.sfumato.engine.api.DataConsumerId;
import dev.sfumato.engine.api.DataProducerId;
import dev.sfumato.engine.api.DataProducerInfo;
import dev.sfumato.engine.api.ProducerId;
import dev.sfumato.engine.api.RouterId;
import dev.sfumato.engine.api.SpeakerLevel;
import dev.sfumato.engine.api.TransportId;
import dev.sfumato.rooms.application.RoomManager;
import dev.sfumato.rooms.auth.AccessTokenMinter;
import dev.sfumato.rooms.auth.ClaimGrants;
import dev.sfumato.rooms.config.ServerKeys;
import dev.sfumato.rooms.domain.RoomException;
import dev.sfumato.rooms.domain.RoomSnapshot;
import dev.sfumato.rooms.engine.EngineGateway;
import dev.sfumato.rooms.sdp.NegotiatedMedia;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import livekit.LivekitModels.DataPacket;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.ParticipantPermission;
import livekit.LivekitModels.ParticipantTracks;
import livekit.LivekitModels.TrackInfo;
import livekit.LivekitRtc.AddTrackRequest;
import livekit.LivekitRtc.SignalRequest;

/**
 * The live rooms of this node and their participants' sessions (LiveKit's RoomManager. StartSession
 * and the per-participant session worker): join or resume ({@link Resumption}), requests in order,
 * and a tick twice a second ({@link Housekeeping}) that flushes batched updates, ends sessions
 * whose client went silent or did not come back in time, refreshes tokens every five minutes and
 * closes rooms left empty. Engine data channel events go to the rooms through {@link DataEvents}.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LiveRooms {
  static final long TICK_MILLIS = 500;

  @EJB private RoomManager roomManager;
  @EJB private EngineGateway engine;
  @EJB private ServerKeys keys;
  @Resource private ManagedScheduledExecutorService scheduler;

  private final Map<String, Room> rooms = new ConcurrentHashMap<>();

  /** Every engine transport of the live rooms, with its room and participant (engine events). */
  private final Map<TransportId, TransportOwner> transports = new ConcurrentHashMap<>();

  private final DataEvents dataEvents = new DataEvents(transports);

  private ServerSettings settings;
  private Media media;
  private RoomAdmin admin;
  private Housekeeping housekeeping;
  private ScheduledFuture<?> tick;

  @PostConstruct
  void start() {
    settings = LiveSettings.fromConfig();
    media = new EngineMedia(engine);
    admin =
        new RoomAdmin(
            this::live,
            name -> !roomManager.listRooms(List.of(name)).isEmpty(),
            roomManager::updateMetadata);
    housekeeping =
        new Housekeeping(
            rooms,
            settings,
            grants ->
                AccessTokenMinter.forKey(keys.keys(), grants.apiKey(), Clock.systemUTC())
                    .mint(grants),
            this::signalClosed,
            roomManager::deleteRoom);
    tick =
        scheduler.scheduleWithFixedDelay(
            housekeeping::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    tick.cancel(false);
    rooms.values().forEach(r -> r.close(DisconnectReason.SERVER_SHUTDOWN));
    rooms.clear();
  }

  /**
   * Starts (or resumes) a participant's session; the join response (or reconnect response) has been
   * queued on {@code sink} when this returns.
   *
   * @throws RoomException PERMISSION_DENIED without roomJoin, RESOURCE_EXHAUSTED when full
   */
  public LiveSession join(JoinParams params, SignalSink sink) {
    ClaimGrants claims = params.claims();
    if (!claims.video().roomJoin() || claims.video().room().isEmpty()) {
      throw new RoomException(
          RoomException.Code.PERMISSION_DENIED, "token does not grant roomJoin");
    }
    if (claims.identity().isEmpty()) {
      throw new RoomException(RoomException.Code.PERMISSION_DENIED, "token has no identity");
    }
    String name = claims.video().room();
    if (params.reconnect()) {
      LiveSession resumed = Resumption.resume(rooms.get(name), params, sink, settings);
      if (resumed != null) {
        return resumed;
      }
    }
    for (int attempt = 0; ; attempt++) {
      Room room = room(name);
      Participant p =
          new Participant(
              Sids.participant(),
              claims,
              params.v1() ? Participant.Protocol.V1 : Participant.Protocol.V0,
              params.clientProtocol(),
              livekit.LivekitModels.ParticipantInfo.Kind.STANDARD,
              System.currentTimeMillis());
      p.autoSubscribe = params.autoSubscribe();
      p.lastSeenNanos = System.nanoTime();
      try {
        room.join(p, sink);
      } catch (RoomException e) {
        if (attempt == 0 && room.closed()) {
          rooms.remove(name, room);
          continue;
        }
        throw e;
      }
      housekeeping.joined(p, System.nanoTime());
      LiveSession session = new LiveSession(room, p);
      for (AddTrackRequest add : params.joinRequest().getAddTrackRequestsList()) {
        handle(session, SignalRequest.newBuilder().setAddTrack(add).build());
      }
      if (params.joinRequest().hasPublisherOffer()) {
        handle(
            session,
            SignalRequest.newBuilder().setOffer(params.joinRequest().getPublisherOffer()).build());
      }
      return session;
    }
  }

  private Room room(String name) {
    Room room = rooms.get(name);
    if (room != null && !room.closed()) {
      return room;
    }
    RoomSnapshot snapshot = roomManager.getOrCreateRoom(name);
    return rooms.compute(
        name,
        (n, existing) ->
            existing != null && !existing.closed()
                ? existing
                : new Room(snapshot, media, settings, System.nanoTime(), transports));
  }

  /** One request of the session's participant. */
  public void handle(LiveSession session, SignalRequest request) {
    if (session.room == null) {
      return;
    }
    session.participant.lastSeenNanos = System.nanoTime();
    SignalHandler.handle(session.room, session.participant, request, System.currentTimeMillis());
  }

  /**
   * The session's WebSocket closed. Without a leave the participant stays for the resume window
   * (its media keeps flowing), as LiveKit lets clients resume.
   */
  public void signalClosed(LiveSession session, SignalSink sink) {
    Participant p = session.participant;
    if (session.room == null || p.sink != sink || !p.connected()) {
      return;
    }
    p.sink = null;
    p.signalLostNanos = System.nanoTime();
  }

  /** The participant broke the signal protocol: it leaves at once, without a resume window. */
  public void expel(LiveSession session) {
    if (session.room != null) {
      session.room.leave(session.participant, DisconnectReason.SIGNAL_CLOSE, false);
    }
  }

  /** The room was deleted through the API: everyone in it is disconnected. */
  public void roomDeleted(String name) {
    Room room = rooms.remove(name);
    if (room != null) {
      room.close(DisconnectReason.ROOM_DELETED);
    }
  }

  /** The engine's audio-level observer changed its mind about who speaks in a router. */
  public void speakersChanged(RouterId router, List<SpeakerLevel> levels) {
    for (Room room : rooms.values()) {
      if (room.router.equals(router)) {
        room.speakersChanged(levels);
      }
    }
  }

  // ---- data channels (engine events): see DataEvents ----

  /** A peer opened a data channel (DCEP) on one of a participant's transports. */
  public void dataProducerOpened(DataProducerInfo info) {
    dataEvents.producerOpened(info);
  }

  public void dataProducerClosed(DataProducerId id, TransportId transport) {
    dataEvents.producerClosed(id, transport);
  }

  public void dataConsumerClosed(DataConsumerId id, TransportId transport) {
    dataEvents.consumerClosed(id, transport);
  }

  /**
   * One message a participant sent on one of its channels (LiveKit treats text and binary alike:
   * the payload must be a {@code livekit.DataPacket}).
   */
  public void dataMessage(
      DataProducerId producer, TransportId transport, boolean binary, byte[] payload) {
    dataEvents.message(producer, transport, payload);
  }

  /** The SCTP association of a transport changed state; the channels' own events do the work. */
  public void sctpStateChanged(TransportId transport, String state) {
    dataEvents.sctpStateChanged(transport, state);
  }

  /**
   * A WHIP publisher joins the room as a participant whose tracks are the given producers; returns
   * its participant sid.
   */
  public String joinHttpPublisher(
      String roomName,
      ClaimGrants claims,
      List<ProducerId> producers,
      List<NegotiatedMedia> media) {
    List<HttpParticipants.Track> tracks = new java.util.ArrayList<>();
    for (int i = 0; i < producers.size(); i++) {
      tracks.add(new HttpParticipants.Track(producers.get(i), media.get(i)));
    }
    return HttpParticipants.publish(room(roomName), claims, tracks).sid;
  }

  /** The WHIP publisher's session ended. */
  public void leaveHttpPublisher(String roomName, String participantSid) {
    Room room = rooms.get(roomName);
    if (room != null) {
      HttpParticipants.leave(room, participantSid);
    }
  }

  /** Live tracks of a room (of one participant when {@code identity} is given), for WHEP. */
  public List<LiveTrack> liveTracks(String roomName, String identity) {
    Room room = rooms.get(roomName);
    return room == null ? List.of() : HttpParticipants.tracks(room, identity);
  }

  // ---- RoomService (the admin API; the caller checked roomAdmin for the room): see RoomAdmin ----

  /** Everyone in the room, hidden participants included; empty when nobody is live in it. */
  public List<ParticipantInfo> listParticipants(String room) {
    return admin.listParticipants(room);
  }

  public ParticipantInfo getParticipant(String room, String identity) {
    return admin.getParticipant(room, identity);
  }

  public void removeParticipant(String room, String identity) {
    admin.removeParticipant(room, identity);
  }

  public TrackInfo mutePublishedTrack(
      String room, String identity, String trackSid, boolean muted) {
    return admin.mutePublishedTrack(room, identity, trackSid, muted);
  }

  /** Empty name or metadata: unchanged; null permission: unchanged; attributes are merged. */
  public ParticipantInfo updateParticipant(
      String room,
      String identity,
      String metadata,
      String name,
      ParticipantPermission permission,
      Map<String, String> attributes) {
    return admin.updateParticipant(room, identity, metadata, name, permission, attributes);
  }

  public void updateSubscriptions(
      String room,
      String identity,
      List<String> trackSids,
      List<ParticipantTracks> participantTracks,
      boolean subscribe) {
    admin.updateSubscriptions(room, identity, trackSids, participantTracks, subscribe);
  }

  /** Stores the metadata and tells everyone in the room; the room with its live counts. */
  public RoomSnapshot updateRoomMetadata(String room, String metadata) {
    return admin.updateRoomMetadata(room, metadata);
  }

  /**
   * RoomService.SendData: {@code packet} (kind, destinations, user payload) goes to the room's
   * participants without a sender. NOT_FOUND when the room is not live here.
   */
  public void sendData(String room, DataPacket packet) {
    admin.sendData(room, packet);
  }

  /** The live room of that name, or null when nobody is in it on this node. */
  Room live(String name) {
    return rooms.get(name);
  }
}
