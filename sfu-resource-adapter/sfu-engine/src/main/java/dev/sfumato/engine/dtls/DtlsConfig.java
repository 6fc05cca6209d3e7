package dev.sfumato.engine.dtls;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * DTLS limits, in one place (the engine configuration will carry one of these).
 *
 * @param handshakeTimeout how long a handshake may take, from {@link DtlsSession#start} until
 *     complete. 30 s: a browser's own DTLS timeout is in that range, and Bouncy Castle's
 *     retransmission backs off 1, 2, 4, 8… s (RFC 6347 §4.2.4.1) so this allows about five flights.
 * @param queueMaxRecords datagrams waiting for the DTLS thread before drops. A handshake flight is
 *     at most about 8 records; the rest is room for SCTP bursts while the reader is scheduled.
 * @param queueMaxBytes bytes waiting for the DTLS thread before drops (memory per transport).
 * @param srtpProfiles SRTP profiles we accept, most preferred first. GCM first: it authenticates
 *     and encrypts in one pass and is about twice as fast on this JVM (PLATFORM.md), and it has the
 *     full 128-bit tag.
 */
public record DtlsConfig(
    Duration handshakeTimeout,
    int queueMaxRecords,
    int queueMaxBytes,
    List<SrtpProfile> srtpProfiles) {

  public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_QUEUE_MAX_RECORDS = 32;

  /** 32 KiB: about 27 full-size datagrams; times the number of transports is the memory cost. */
  public static final int DEFAULT_QUEUE_MAX_BYTES = 32 * 1024;

  public DtlsConfig {
    Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
    if (handshakeTimeout.isNegative()
        || handshakeTimeout.isZero()
        || handshakeTimeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("handshakeTimeout must be positive: " + handshakeTimeout);
    }
    if (queueMaxRecords < 1) {
      throw new IllegalArgumentException("queueMaxRecords must be >= 1");
    }
    if (queueMaxBytes < QueueDatagramTransport.DEFAULT_RECEIVE_LIMIT) {
      throw new IllegalArgumentException("queueMaxBytes must hold one full datagram");
    }
    srtpProfiles = List.copyOf(srtpProfiles);
    if (srtpProfiles.isEmpty() || srtpProfiles.stream().distinct().count() != srtpProfiles.size()) {
      throw new IllegalArgumentException("srtpProfiles must be non-empty and distinct");
    }
  }

  public static DtlsConfig defaults() {
    return new DtlsConfig(
        DEFAULT_HANDSHAKE_TIMEOUT,
        DEFAULT_QUEUE_MAX_RECORDS,
        DEFAULT_QUEUE_MAX_BYTES,
        List.of(SrtpProfile.SRTP_AEAD_AES_128_GCM, SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80));
  }

  public DtlsConfig withHandshakeTimeout(Duration timeout) {
    return new DtlsConfig(timeout, queueMaxRecords, queueMaxBytes, srtpProfiles);
  }

  public DtlsConfig withSrtpProfiles(List<SrtpProfile> profiles) {
    return new DtlsConfig(handshakeTimeout, queueMaxRecords, queueMaxBytes, profiles);
  }

  public DtlsConfig withQueueBounds(int maxRecords, int maxBytes) {
    return new DtlsConfig(handshakeTimeout, maxRecords, maxBytes, srtpProfiles);
  }
}
