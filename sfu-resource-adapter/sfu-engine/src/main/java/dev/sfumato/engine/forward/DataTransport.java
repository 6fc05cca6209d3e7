package dev.sfumato.engine.forward;

import dev.sfumato.engine.api.TransportId;
import dev.sfumato.engine.sctp.SendOptions;
import dev.sfumato.engine.sctp.SendStatus;

/** What a data consumer needs from the transport it sends on (its SCTP association). */
public interface DataTransport {

  TransportId id();

  /**
   * Queues one message on a data channel's stream. {@code data} is owned by the association from
   * now on and only read, so one array may go to several transports.
   */
  SendStatus sendMessage(int streamId, boolean binary, byte[] data, SendOptions options);

  /** Bytes queued or in flight on the association (RTCDataChannel.bufferedAmount). */
  long bufferedAmount();
}
