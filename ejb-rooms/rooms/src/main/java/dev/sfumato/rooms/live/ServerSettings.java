package dev.sfumato.rooms.live;

import java.util.List;
import livekit.LivekitModels.ServerInfo;
import livekit.LivekitRtc.ICEServer;

/**
 * What the server tells every joining client about itself.
 *
 * @param pingIntervalSeconds how often the client pings
 * @param pingTimeoutSeconds silence after which a participant's signal connection is dead
 * @param resumeWindowSeconds how long a participant whose signal dropped may resume
 * @param dataChannels whether SCTP data channels are served (subscriber-primary needs them)
 */
public record ServerSettings(
    String version,
    String nodeId,
    List<ICEServer> iceServers,
    int pingIntervalSeconds,
    int pingTimeoutSeconds,
    int resumeWindowSeconds,
    boolean dataChannels) {

  /** LiveKit signal protocol version the server speaks. */
  public static final int PROTOCOL = 16;

  public ServerSettings {
    iceServers = List.copyOf(iceServers);
  }

  ServerInfo serverInfo() {
    return ServerInfo.newBuilder()
        .setEdition(ServerInfo.Edition.Standard)
        .setVersion(version)
        .setProtocol(PROTOCOL)
        .setNodeId(nodeId)
        .build();
  }
}
