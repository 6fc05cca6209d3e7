package dev.sfumato.engine.worker;

import dev.sfumato.engine.dtls.DtlsCertificate;
import dev.sfumato.engine.dtls.DtlsConfig;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What every worker of one engine run shares: the executor for blocking work (DTLS handshakes hold
 * a thread each until done, so it must run tasks in parallel), the DTLS certificate (one per engine
 * start, RFC 8827 §6.5 lets it be shared by all transports), the address announced in candidates,
 * the audio-level observer's window.
 */
public record EngineResources(
    Executor blockingExecutor,
    DtlsCertificate certificate,
    DtlsConfig dtlsConfig,
    InetAddress announcedAddress,
    SecureRandom random,
    Duration speakerInterval) {
  public EngineResources {
    Objects.requireNonNull(blockingExecutor, "blockingExecutor");
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(dtlsConfig, "dtlsConfig");
    Objects.requireNonNull(announcedAddress, "announcedAddress");
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(speakerInterval, "speakerInterval");
  }
}
