package dev.sfumato.engine.forward;

import dev.sfumato.engine.api.TransportId;

/**
 * What producers and consumers need of the transport they live on: send one plaintext RTP or RTCP
 * packet. The transport protects it in place (SRTP/SRTCP, so the buffer needs tailroom for the tag)
 * and sends it to its ICE-selected address. Worker thread only.
 */
public interface MediaTransport {

  TransportId id();

  /**
   * Protects and sends one RTP packet held in {@code buf[off, off + len)}; the buffer is modified.
   *
   * @return false if it was not sent (not connected yet, no selected address, SRTP refused it)
   */
  boolean sendRtp(byte[] buf, int off, int len);

  /** As {@link #sendRtp} for one (compound) RTCP packet. */
  boolean sendRtcp(byte[] buf, int off, int len);
}
