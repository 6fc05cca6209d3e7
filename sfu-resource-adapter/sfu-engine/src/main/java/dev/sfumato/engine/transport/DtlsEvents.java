package dev.sfumato.engine.transport;

import dev.sfumato.engine.dtls.DtlsFailureReason;
import dev.sfumato.engine.dtls.DtlsListener;
import dev.sfumato.engine.dtls.SrtpKeyMaterial;

/**
 * A transport's DTLS listener: called on DTLS threads, it only posts to the worker (STYLE.md:
 * confinement over locks). Application data (SCTP for data channels, RFC 8261) is not handled yet
 * and is discarded.
 */
final class DtlsEvents implements DtlsListener {

  private final WebRtcTransport transport;
  private final TransportHost host;

  DtlsEvents(WebRtcTransport transport, TransportHost host) {
    this.transport = transport;
    this.host = host;
  }

  @Override
  public void onConnected(SrtpKeyMaterial keys) {
    host.postDtlsConnected(transport, keys);
  }

  @Override
  public void onApplicationData(byte[] buf, int off, int len) {
    // data channels (SCTP over DTLS) come later
  }

  @Override
  public void onFailed(DtlsFailureReason reason, String detail) {
    host.postDtlsEnded(
        transport, "dtls failed: " + reason + (detail == null ? "" : " (" + detail + ")"));
  }

  @Override
  public void onClosed() {
    host.postDtlsEnded(transport, "dtls closed");
  }
}
