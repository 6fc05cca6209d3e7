package dev.sfumato.rooms.live;

import dev.sfumato.engine.api.SctpParameters;
import dev.sfumato.rooms.sdp.Attribute;
import dev.sfumato.rooms.sdp.MediaDescription;

/** The peer's SCTP parameters from its data channel m= section (RFC 8841). */
final class SctpSdp {
  /** RFC 8841 §5: the port when a=sctp-port is absent. */
  static final int DEFAULT_PORT = 5000;

  /** RFC 8841 §6.1: the message size to assume when a=max-message-size is absent. */
  static final int DEFAULT_MAX_MESSAGE_SIZE = 65536;

  private SctpSdp() {}

  /** a=sctp-port (0 or absent: 5000) and a=max-message-size (absent: 64 KiB, 0: no limit). */
  static SctpParameters remote(MediaDescription section) {
    Attribute.SctpPort port = section.first(Attribute.SctpPort.class);
    Attribute.MaxMessageSize size = section.first(Attribute.MaxMessageSize.class);
    int p = port == null || port.port() == 0 ? DEFAULT_PORT : port.port();
    long bytes = size == null ? DEFAULT_MAX_MESSAGE_SIZE : size.bytes();
    return new SctpParameters(p, (int) Math.min(bytes, Integer.MAX_VALUE));
  }
}
