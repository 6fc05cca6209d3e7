package dev.sfumato.rooms.live;

import dev.sfumato.engine.api.TransportId;
import dev.sfumato.rooms.auth.ClaimGrants;
import dev.sfumato.rooms.auth.VideoGrant;
import dev.sfumato.rooms.domain.RoomSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.TrackSource;
import livekit.LivekitModels.TrackType;
import livekit.LivekitRtc.AddTrackRequest;
import livekit.LivekitRtc.SessionDescription;
import livekit.LivekitRtc.SignalRequest;

/** A live room on a {@link FakeMedia}, and participants joined to it with recording sinks. */
final class TestRoom {
  /** Chromium's a=msid track ids in {@code offers/chromium-audio-video-sendonly.sdp}. */
  static final String MIC_CID = "25d44aa0-f140-4197-8284-7afa821fbbfc";

  static final String CAMERA_CID = "901bb94e-0216-429f-8a4a-2a09c3492455";

  /** Data channels off: the tests of media alone see no data channel section or channels. */
  static final ServerSettings SETTINGS =
      new ServerSettings("1.9.0", "test-node", List.of(), 5, 15, 15, false);

  /** The server's default: LiveKit data channels on. */
  static final ServerSettings WITH_DATA =
      new ServerSettings("1.9.0", "test-node", List.of(), 5, 15, 15, true);

  final FakeMedia media = new FakeMedia();

  /** The room's transport index, as LiveRooms shares it among its rooms. */
  final Map<TransportId, TransportOwner> transports = new ConcurrentHashMap<>();

  final Room room;

  TestRoom() {
    this(0, 20);
  }

  TestRoom(int maxParticipants, int departureTimeoutSeconds) {
    this(maxParticipants, departureTimeoutSeconds, SETTINGS);
  }

  TestRoom(ServerSettings settings) {
    this(0, 20, settings);
  }

  TestRoom(int maxParticipants, int departureTimeoutSeconds, ServerSettings settings) {
    RoomSnapshot snapshot =
        new RoomSnapshot(
            "RM_test",
            "test-room",
            300,
            departureTimeoutSeconds,
            maxParticipants,
            "",
            Instant.parse("2026-11-21T00:00:00Z"),
            List.of(),
            0,
            0,
            "RT_test");
    room = new Room(snapshot, media, settings, System.nanoTime(), transports);
  }

  /** One joined participant and what it was sent. */
  final class Member {
    final Participant p;
    final RecordingSink sink = new RecordingSink();

    Member(Participant p) {
      this.p = p;
    }

    void request(SignalRequest request) {
      SignalHandler.handle(room, p, request, 1_000L);
    }

    void addTrack(String cid, TrackType type, TrackSource source) {
      request(
          SignalRequest.newBuilder()
              .setAddTrack(AddTrackRequest.newBuilder().setCid(cid).setType(type).setSource(source))
              .build());
    }

    void offer(String sdp, int id) {
      request(
          SignalRequest.newBuilder()
              .setOffer(SessionDescription.newBuilder().setType("offer").setSdp(sdp).setId(id))
              .build());
    }

    /** add_track for Chromium's microphone and camera, then its sendonly offer. */
    void publishMicAndCamera() {
      addTrack(MIC_CID, TrackType.AUDIO, TrackSource.MICROPHONE);
      addTrack(CAMERA_CID, TrackType.VIDEO, TrackSource.CAMERA);
      offer(sdp("chromium-audio-video-sendonly"), 1);
    }

    ParticipantInfo info() {
      return p.info();
    }
  }

  Member join(String identity, Participant.Protocol protocol) {
    return join(identity, protocol, g -> g);
  }

  Member join(String identity, Participant.Protocol protocol, UnaryOperator<VideoGrant.Builder> g) {
    Member m = new Member(participant(identity, protocol, g));
    room.join(m.p, m.sink);
    return m;
  }

  static Participant participant(
      String identity, Participant.Protocol protocol, UnaryOperator<VideoGrant.Builder> g) {
    ClaimGrants claims =
        ClaimGrants.builder()
            .identity(identity)
            .name(identity)
            .video(g.apply(VideoGrant.builder().roomJoin(true).room("test-room")).build())
            .build();
    Participant p =
        new Participant(
            Sids.participant(),
            claims,
            protocol,
            ServerSettings.PROTOCOL,
            ParticipantInfo.Kind.STANDARD,
            System.currentTimeMillis());
    p.autoSubscribe = true;
    return p;
  }

  /**
   * A browser's answer to a server offer, made the way Chromium makes it: every section accepted
   * recvonly with the offered codecs and extensions, its own ICE credentials and certificate,
   * {@code a=setup:active}, no SSRCs or candidates (see answers/chromium-initial.sdp).
   */
  static String answerTo(String offer) {
    StringBuilder out = new StringBuilder();
    for (String line : offer.split("\r\n")) {
      if (line.startsWith("a=ice-lite")
          || line.startsWith("a=ssrc")
          || line.startsWith("a=msid:")
          || line.startsWith("a=candidate")
          || line.startsWith("a=end-of-candidates")) {
        continue;
      }
      String l = line;
      if (l.startsWith("a=ice-ufrag:")) {
        l = "a=ice-ufrag:qcCN";
      } else if (l.startsWith("a=ice-pwd:")) {
        l = "a=ice-pwd:FhETylR2rvwNwVFtV1dlL4iF";
      } else if (l.startsWith("a=fingerprint:")) {
        l = "a=fingerprint:sha-256 " + FakeMedia.FINGERPRINT.replace("AB", "75");
      } else if (l.startsWith("a=setup:")) {
        l = "a=setup:active";
      } else if (l.equals("a=sendonly")) {
        l = "a=recvonly";
      } else if (l.startsWith("c=IN IP4 127.0.0.1")) {
        l = "c=IN IP4 0.0.0.0";
      } else if (l.startsWith("m=") && !l.startsWith("m=application")) {
        l = l.replaceFirst(" \\d+ ", " 9 ");
      }
      out.append(l).append("\r\n");
    }
    return out.toString();
  }

  /** A captured offer from the SDP tests' resources. */
  static String sdp(String name) {
    String path = "/dev/sfumato/rooms/sdp/offers/" + name + ".sdp";
    try (InputStream in = TestRoom.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
