package dev.sfumato.engine.rtp;

import java.util.HashMap;
import java.util.Map;

/**
 * The header extension ids one producer negotiated (RFC 8285 §5, SDP {@code a=extmap}): URI → id.
 * Built on the control plane, then immutable, so a worker can read it per packet without locks. The
 * ids the forwarding path needs are resolved once into plain int fields; 0 means "not negotiated"
 * and {@link RtpPacket#findExtension} returns -1 for it.
 */
public final class HeaderExtensionIds {

  /** RFC 8843 §15.2: BUNDLE media identification. */
  public static final String MID = "urn:ietf:params:rtp-hdrext:sdes:mid";

  /** RFC 8852 §4.3: simulcast layer name. */
  public static final String RID = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";

  /** RFC 8852 §4.4: the rid of the stream an RTX stream repairs. */
  public static final String REPAIRED_RID =
      "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";

  /** RFC 6464: client-to-mixer audio level. */
  public static final String AUDIO_LEVEL = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";

  /** WebRTC abs-send-time, 6.18 fixed-point seconds, used by REMB. */
  public static final String ABS_SEND_TIME =
      "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";

  /** draft-holmer-rmcat-transport-wide-cc-extensions-01 §2: transport-wide sequence number. */
  public static final String TRANSPORT_WIDE_CC =
      "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";

  public static final HeaderExtensionIds NONE = new HeaderExtensionIds(Map.of());

  private final Map<String, Integer> ids;
  private final int mid;
  private final int rid;
  private final int repairedRid;
  private final int audioLevel;
  private final int absSendTime;
  private final int transportWideCc;

  /**
   * @param uriToId the negotiated extmap; ids 1-255 (RFC 8285 §5: 1-14 fit the one-byte form)
   * @throws IllegalArgumentException on an id out of range or one id used for two URIs
   */
  public HeaderExtensionIds(Map<String, Integer> uriToId) {
    Map<String, Integer> copy = new HashMap<>();
    Map<Integer, String> byId = new HashMap<>();
    for (Map.Entry<String, Integer> e : uriToId.entrySet()) {
      int id = e.getValue();
      if (id < 1 || id > 255) {
        throw new IllegalArgumentException("extension id out of 1-255: " + id + " " + e.getKey());
      }
      String previous = byId.put(id, e.getKey());
      if (previous != null) {
        throw new IllegalArgumentException(
            "extension id " + id + " used twice: " + previous + ", " + e.getKey());
      }
      copy.put(e.getKey(), id);
    }
    this.ids = Map.copyOf(copy);
    this.mid = id(MID);
    this.rid = id(RID);
    this.repairedRid = id(REPAIRED_RID);
    this.audioLevel = id(AUDIO_LEVEL);
    this.absSendTime = id(ABS_SEND_TIME);
    this.transportWideCc = id(TRANSPORT_WIDE_CC);
  }

  /** The id negotiated for a URI, or 0. */
  public int id(String uri) {
    Integer id = ids.get(uri);
    return id == null ? 0 : id;
  }

  public Map<String, Integer> asMap() {
    return ids;
  }

  /** True if some id does not fit the one-byte form, so packets we write need the two-byte one. */
  public boolean needsTwoByteForm() {
    for (int id : ids.values()) {
      if (id > 14) {
        return true;
      }
    }
    return false;
  }

  public int mid() {
    return mid;
  }

  public int rid() {
    return rid;
  }

  public int repairedRid() {
    return repairedRid;
  }

  public int audioLevel() {
    return audioLevel;
  }

  public int absSendTime() {
    return absSendTime;
  }

  public int transportWideCc() {
    return transportWideCc;
  }

  @Override
  public String toString() {
    return "HeaderExtensionIds" + ids;
  }
}
