package dev.sfumato.engine.dtls;

/** Where a {@link DtlsSession} is, as mediasoup's {@code dtlsState}. */
public enum DtlsState {
  NEW,
  CONNECTING,
  CONNECTED,
  FAILED,
  CLOSED
}
