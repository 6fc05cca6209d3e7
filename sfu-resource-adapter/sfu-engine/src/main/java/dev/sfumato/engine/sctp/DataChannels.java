package dev.sfumato.engine.sctp;

import dev.sfumato.engine.dtls.DtlsRole;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * WebRTC data channels (RFC 8831) over one {@link SctpAssociation}, opened with DCEP (RFC 8832):
 * DATA_CHANNEL_OPEN / ACK in both directions, string and binary messages by PPID (RFC 8831 §8),
 * empty messages as one zero byte with PPID 56/57 (§6.6), and closing by resetting the stream in
 * both directions (§6.7).
 *
 * <p>Wiring: {@code dc = new DataChannels(role, listener); assoc = new SctpAssociation(config,
 * dtlsSend, dc); dc.attach(assoc); assoc.connect();} then feed {@code assoc.receive} from DTLS and
 * drive {@code assoc.onTimer} from the worker loop.
 */
public final class DataChannels implements SctpListener {

  private static final byte[] EMPTY_PAYLOAD = {0};

  private final DtlsRole role;
  private final DataChannelListener listener;
  private final Map<Integer, DataChannel> channels = new HashMap<>();
  private SctpAssociation association;
  private boolean established;
  private int nextId;

  /**
   * @param role our DTLS role: RFC 8832 §6 gives the DTLS client even stream ids, the server odd
   */
  public DataChannels(DtlsRole role, DataChannelListener listener) {
    this.role = role;
    this.listener = listener;
    this.nextId = role == DtlsRole.CLIENT ? 0 : 1;
  }

  public void attach(SctpAssociation association) {
    if (this.association != null) {
      throw new IllegalStateException("already attached");
    }
    this.association = association;
  }

  public SctpAssociation association() {
    return association;
  }

  /**
   * Opens a channel on the next free stream id of our parity and sends DATA_CHANNEL_OPEN (ordered
   * and reliable, RFC 8832 §6). Allowed before the association is up: the OPEN then waits in the
   * send queue.
   *
   * @throws IllegalStateException when no stream id is free or the association is closed
   */
  public DataChannel open(
      String label, String protocol, ChannelType type, long reliabilityParameter, int priority) {
    int id = freeId();
    DcepMessage msg = DcepMessage.open(type, priority, reliabilityParameter, label, protocol);
    SendStatus s = association.send(id, DcepMessage.PPID_DCEP, msg.encode(), SendOptions.RELIABLE);
    if (s != SendStatus.OK) {
      throw new IllegalStateException("cannot send DATA_CHANNEL_OPEN: " + s);
    }
    DataChannel ch = new DataChannel(id, msg, false);
    channels.put(id, ch);
    return ch;
  }

  private int freeId() {
    for (int tries = 0; tries < 32768; tries++) {
      int id = nextId;
      nextId = nextId + 2 >= 65535 ? nextId % 2 : nextId + 2;
      if (!channels.containsKey(id)) {
        return id;
      }
    }
    throw new IllegalStateException("no free stream id");
  }

  /**
   * Registers a negotiated channel (RFC 8831 §6.5: both sides agreed on the stream id out of band,
   * no DCEP): open at once, in both directions.
   *
   * @throws IllegalStateException when the stream id is in use
   */
  public DataChannel negotiated(
      int id, String label, String protocol, ChannelType type, long reliabilityParameter) {
    if (id < 0 || id > 65534 || channels.containsKey(id)) {
      throw new IllegalStateException("stream id " + id + " in use or out of range");
    }
    DataChannel ch =
        new DataChannel(
            id, DcepMessage.open(type, 0, reliabilityParameter, label, protocol), false);
    ch.state = DataChannel.State.OPEN;
    channels.put(id, ch);
    return ch;
  }

  public DataChannel channel(int id) {
    return channels.get(id);
  }

  public List<DataChannel> channels() {
    return new ArrayList<>(channels.values());
  }

  public SendStatus sendText(int channelId, String text) {
    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    return sendMessage(channelId, data, false);
  }

  /** Sends a binary message; the array is owned by the association from now on. */
  public SendStatus sendBinary(int channelId, byte[] data) {
    return sendMessage(channelId, data, true);
  }

  private SendStatus sendMessage(int channelId, byte[] data, boolean binary) {
    DataChannel ch = channels.get(channelId);
    return ch == null ? SendStatus.CLOSED : send(channelId, data, binary, ch.options);
  }

  /**
   * Sends one message with explicit ordering and partial reliability (a data consumer's own, which
   * may differ from what the channel's OPEN announced); the array is owned by the association from
   * now on and must not change (it may be shared read-only by several associations).
   */
  public SendStatus send(int channelId, byte[] data, boolean binary, SendOptions options) {
    DataChannel ch = channels.get(channelId);
    if (ch == null
        || ch.state == DataChannel.State.CLOSING
        || ch.state == DataChannel.State.CLOSED) {
      return SendStatus.CLOSED;
    }
    int ppid;
    if (data.length == 0) {
      ppid = binary ? DcepMessage.PPID_BINARY_EMPTY : DcepMessage.PPID_STRING_EMPTY;
      data = EMPTY_PAYLOAD.clone();
    } else {
      ppid = binary ? DcepMessage.PPID_BINARY : DcepMessage.PPID_STRING;
    }
    // RFC 8832 §6: until the ACK arrives, our messages go ordered so the OPEN precedes them
    SendOptions o =
        ch.state == DataChannel.State.CONNECTING && options.unordered()
            ? new SendOptions(false, options.maxRetransmits(), options.maxLifetimeMillis())
            : options;
    return association.send(channelId, ppid, data, o);
  }

  /** Starts the close (RFC 8831 §6.7): reset our outgoing stream; the peer resets its own. */
  public void close(int channelId) {
    DataChannel ch = channels.get(channelId);
    if (ch == null
        || ch.state == DataChannel.State.CLOSING
        || ch.state == DataChannel.State.CLOSED) {
      return;
    }
    ch.state = DataChannel.State.CLOSING;
    association.resetStream(channelId);
  }

  // ---- SctpListener ----------------------------------------------------------------------

  @Override
  public void associationEstablished() {
    established = true;
    listener.ready();
  }

  public boolean established() {
    return established;
  }

  @Override
  public void message(int streamId, int ppid, byte[] data, boolean ordered) {
    if (ppid == DcepMessage.PPID_DCEP) {
      onDcep(streamId, data);
      return;
    }
    DataChannel ch = channels.get(streamId);
    if (ch == null || ch.state == DataChannel.State.CLOSED) {
      return; // data for a stream without a channel: dropped as RFC 8831 §6.5 allows
    }
    switch (ppid) {
      case DcepMessage.PPID_STRING:
        listener.message(ch, data, false);
        break;
      case DcepMessage.PPID_BINARY:
        listener.message(ch, data, true);
        break;
      case DcepMessage.PPID_STRING_EMPTY:
        listener.message(ch, new byte[0], false);
        break;
      case DcepMessage.PPID_BINARY_EMPTY:
        listener.message(ch, new byte[0], true);
        break;
      default:
        break; // deprecated PPIDs 52/54 (partial messages) are not used by current browsers
    }
  }

  private void onDcep(int streamId, byte[] data) {
    DcepMessage m = DcepMessage.decode(data, 0, data.length);
    if (m == null) {
      return;
    }
    DataChannel ch = channels.get(streamId);
    if (m.messageType() == DcepMessage.ACK) {
      if (ch != null && ch.state == DataChannel.State.CONNECTING) {
        ch.state = DataChannel.State.OPEN;
        listener.opened(ch);
      }
      return;
    }
    if (ch != null) {
      return; // §6: an OPEN for a stream in use is ignored
    }
    DataChannel remote = new DataChannel(streamId, m, true);
    channels.put(streamId, remote);
    association.send(
        streamId, DcepMessage.PPID_DCEP, DcepMessage.ack().encode(), SendOptions.RELIABLE);
    listener.opened(remote);
  }

  @Override
  public void streamReset(int streamId) {
    DataChannel ch = channels.remove(streamId);
    if (ch == null) {
      return;
    }
    if (ch.state != DataChannel.State.CLOSING) {
      association.resetStream(streamId); // §6.7: the peer closed; reset our side too
    }
    ch.state = DataChannel.State.CLOSED;
    listener.closed(ch);
  }

  @Override
  public void closed(SctpCloseReason reason) {
    for (DataChannel ch : channels.values()) {
      ch.state = DataChannel.State.CLOSED;
      listener.closed(ch);
    }
    channels.clear();
    listener.associationClosed(reason);
  }
}
