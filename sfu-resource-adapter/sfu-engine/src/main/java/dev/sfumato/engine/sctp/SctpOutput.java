package dev.sfumato.engine.sctp;

/**
 * Where an association's packets go: in WebRTC, DTLS application data (RFC 8261 §5). The view is
 * valid only during the call (the association reuses its packet buffer); implementations copy or
 * encrypt before returning and must not throw: a lost packet is what the network does, and SCTP
 * retransmits.
 */
@FunctionalInterface
public interface SctpOutput {
  void send(byte[] buf, int off, int len);
}
