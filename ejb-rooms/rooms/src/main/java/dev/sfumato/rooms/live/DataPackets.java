package dev.sfumato.rooms.live;

import com.google.protobuf.InvalidProtocolBufferException;
import livekit.LivekitModels.DataPacket;
import livekit.LivekitModels.DataStream;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.UserPacket;

/**
 * What LiveKit's server does to a {@code livekit.DataPacket} a participant sent before the room
 * forwards it (pkg/rtc/participant.go, {@code onReceivedDataMessage} and {@code
 * handleReceivedDataMessage}): parse it, refuse it without canPublishData, drop a reliable packet
 * whose sequence is not newer than the sender's last, take the kind from the channel it came on,
 * and vouch for the sender: its sid and identity overwrite whatever the client wrote (a hidden
 * sender's identity is blanked). Per kind:
 *
 * <ul>
 *   <li>user: the user packet gets the same sender fields, and its deprecated destination
 *       identities are kept in step with the packet's;
 *   <li>chat message, stream header: an agent may speak for another participant (the identity it
 *       wrote is kept, and the message is marked generated), everyone else is overwritten;
 *   <li>transcription: forwarded only from an agent; metrics: never forwarded as data (LiveKit
 *       merges them into its metrics reports, which Sfumato does not make);
 *   <li>speaker: a server-to-client kind, dropped (LiveKit logs "unsupported" and still forwards
 *       it; a client must not forge active-speaker updates for everyone else);
 *   <li>rpc request/ack/response, sip dtmf, stream chunk/trailer, encrypted packet, and kinds newer
 *       than our protocol files (kept as unknown fields): forwarded as they are.
 * </ul>
 */
final class DataPackets {
  private DataPackets() {}

  /** A packet to forward, or why not (exactly one of the two is set). */
  record Inbound(DataPacket packet, DataDrop drop) {
    static Inbound dropped(DataDrop reason) {
      return new Inbound(null, reason);
    }
  }

  /** The packet {@code sender} sent on a channel of {@code kind}, ready to forward, or a drop. */
  @SuppressWarnings("deprecation") // DataPacket.kind and the UserPacket sender fields
  static Inbound fromParticipant(Participant sender, DataPacket.Kind kind, byte[] payload) {
    if (!sender.permission.getCanPublishData()) {
      return Inbound.dropped(DataDrop.NOT_ALLOWED);
    }
    DataPacket.Builder dp;
    try {
      dp = DataPacket.parseFrom(payload).toBuilder();
    } catch (InvalidProtocolBufferException e) {
      return Inbound.dropped(DataDrop.MALFORMED);
    }
    long sequence = Integer.toUnsignedLong(dp.getSequence());
    if (kind == DataPacket.Kind.RELIABLE && sequence > 0) {
      if (sequence <= sender.data.lastReliableSequence) {
        return Inbound.dropped(DataDrop.OUT_OF_ORDER);
      }
      sender.data.lastReliableSequence = sequence;
    }
    dp.setParticipantSid(sender.sid);
    dp.setKind(kind);
    String identity = sender.hidden() ? "" : sender.identity;
    boolean vouch = true;
    switch (dp.getValueCase()) {
      case USER -> user(dp, sender, identity);
      case TRANSCRIPTION -> {
        if (!isAgent(sender)) {
          return Inbound.dropped(DataDrop.NOT_FORWARDED);
        }
      }
      case METRICS -> {
        return Inbound.dropped(DataDrop.NOT_FORWARDED);
      }
      case SPEAKER -> {
        return Inbound.dropped(DataDrop.SERVER_ONLY);
      }
      case CHAT_MESSAGE -> {
        if (speaksForAnother(sender, dp)) {
          vouch = false;
          dp.getChatMessageBuilder().setGenerated(true);
        }
      }
      case STREAM_HEADER -> {
        DataStream.Header header = dp.getStreamHeader();
        if (speaksForAnother(sender, dp) && header.hasTextHeader()) {
          vouch = false;
          dp.getStreamHeaderBuilder().getTextHeaderBuilder().setGenerated(true);
        }
      }
      default -> {
        // rpc, sip dtmf, stream chunk/trailer, encrypted, newer kinds: forwarded unchanged.
      }
    }
    if (vouch) {
      dp.setParticipantIdentity(identity);
    }
    return new Inbound(dp.build(), null);
  }

  @SuppressWarnings("deprecation")
  private static void user(DataPacket.Builder dp, Participant sender, String identity) {
    UserPacket.Builder u = dp.getUserBuilder();
    u.setParticipantSid(sender.hidden() ? "" : sender.sid);
    u.setParticipantIdentity(identity);
    if (dp.getDestinationIdentitiesCount() > 0) {
      u.clearDestinationIdentities().addAllDestinationIdentities(dp.getDestinationIdentitiesList());
    } else {
      dp.addAllDestinationIdentities(u.getDestinationIdentitiesList());
    }
  }

  /** An agent publishing on behalf of another participant (transcriptions, generated text). */
  private static boolean speaksForAnother(Participant sender, DataPacket.Builder dp) {
    return isAgent(sender)
        && !dp.getParticipantIdentity().isEmpty()
        && !dp.getParticipantIdentity().equals(sender.identity);
  }

  private static boolean isAgent(Participant p) {
    return p.kind == ParticipantInfo.Kind.AGENT;
  }

  /**
   * LiveKit's BroadcastDataPacketForRoom, before it picks recipients: a user packet's destination
   * identities and sender identity are made the same on the packet and on the user packet (the
   * packet's win when set). Applies to what the server API sends too.
   */
  @SuppressWarnings("deprecation")
  static DataPacket forBroadcast(DataPacket packet, DataPacket.Kind kind) {
    DataPacket.Builder dp = packet.toBuilder().setKind(kind);
    if (dp.hasUser()) {
      UserPacket.Builder u = dp.getUserBuilder();
      if (dp.getDestinationIdentitiesCount() == 0) {
        dp.addAllDestinationIdentities(u.getDestinationIdentitiesList());
      } else {
        u.clearDestinationIdentities()
            .addAllDestinationIdentities(dp.getDestinationIdentitiesList());
      }
      if (!dp.getParticipantIdentity().isEmpty()) {
        u.setParticipantIdentity(dp.getParticipantIdentity());
      } else {
        dp.setParticipantIdentity(u.getParticipantIdentity());
      }
    }
    return dp.build();
  }
}
