package dev.sfumato.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;

/**
 * How the engine binds its media sockets.
 *
 * <p>Worker {@code i} binds {@code bindAddress:(basePort + i)}, so the port a worker advertises in
 * its host candidate is stable across restarts and can be opened in a firewall as one range. A
 * {@code basePort} of 0 gives every worker an ephemeral port instead (tests, several servers on one
 * machine).
 *
 * @param workers number of single-threaded media workers, 1..256
 * @param bindAddress local address the UDP sockets bind to (may be the wildcard)
 * @param basePort first worker's port, or 0 for ephemeral ports
 * @param announcedAddress the address clients are told to send media to; never the wildcard,
 *     because a peer cannot send to 0.0.0.0
 * @param speakerInterval the audio-level observer's window: each router decides who is speaking
 *     once per window and emits {@code SpeakersChanged} if that changed; {@link
 *     #MIN_SPEAKER_INTERVAL}..{@link #MAX_SPEAKER_INTERVAL}
 * @param faultInjection whether {@code injectLoss} may drop packets on purpose (integration tests
 *     of SCTP recovery); off by default, since a production server must never lose packets on
 *     request
 */
public record EngineConfig(
    int workers,
    InetAddress bindAddress,
    int basePort,
    InetAddress announcedAddress,
    Duration speakerInterval,
    boolean faultInjection) {

  /** 256 workers is far above any core count we deploy on; more is a configuration mistake. */
  public static final int MAX_WORKERS = 256;

  /** Default first media port: LiveKit's UDP range starts near here, so firewalls are familiar. */
  public static final int DEFAULT_BASE_PORT = 7882;

  /**
   * LiveKit observes audio levels over about half a second: long enough to average 25 Opus frames
   * of 20 ms, short enough that the speaker indicator follows a conversation.
   */
  public static final Duration DEFAULT_SPEAKER_INTERVAL = Duration.ofMillis(500);

  /** Below 5 Opus frames a window says nothing reliable about speech. */
  public static final Duration MIN_SPEAKER_INTERVAL = Duration.ofMillis(100);

  /** Past this a speaker indicator is useless. */
  public static final Duration MAX_SPEAKER_INTERVAL = Duration.ofSeconds(10);

  /** The default speaker interval, no fault injection. */
  public EngineConfig(
      int workers, InetAddress bindAddress, int basePort, InetAddress announcedAddress) {
    this(workers, bindAddress, basePort, announcedAddress, DEFAULT_SPEAKER_INTERVAL);
  }

  /** No fault injection. */
  public EngineConfig(
      int workers,
      InetAddress bindAddress,
      int basePort,
      InetAddress announcedAddress,
      Duration speakerInterval) {
    this(workers, bindAddress, basePort, announcedAddress, speakerInterval, false);
  }

  public EngineConfig {
    if (workers < 1 || workers > MAX_WORKERS) {
      throw new IllegalArgumentException("workers must be 1.." + MAX_WORKERS + ", was " + workers);
    }
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(announcedAddress, "announcedAddress");
    if (basePort < 0 || basePort > 65535) {
      throw new IllegalArgumentException("basePort must be 0..65535, was " + basePort);
    }
    if (basePort != 0 && basePort + workers - 1 > 65535) {
      throw new IllegalArgumentException(
          "ports " + basePort + ".." + (basePort + workers - 1) + " exceed 65535");
    }
    if (announcedAddress.isAnyLocalAddress()) {
      throw new IllegalArgumentException("announcedAddress must not be the wildcard address");
    }
    Objects.requireNonNull(speakerInterval, "speakerInterval");
    if (speakerInterval.compareTo(MIN_SPEAKER_INTERVAL) < 0
        || speakerInterval.compareTo(MAX_SPEAKER_INTERVAL) > 0) {
      throw new IllegalArgumentException(
          "speakerInterval must be "
              + MIN_SPEAKER_INTERVAL
              + ".."
              + MAX_SPEAKER_INTERVAL
              + ", was "
              + speakerInterval);
    }
  }

  /** This configuration with another audio-level observer window. */
  public EngineConfig withSpeakerInterval(Duration interval) {
    return new EngineConfig(
        workers, bindAddress, basePort, announcedAddress, interval, faultInjection);
  }

  /** This configuration with {@code injectLoss} allowed or not. */
  public EngineConfig withFaultInjection(boolean enabled) {
    return new EngineConfig(
        workers, bindAddress, basePort, announcedAddress, speakerInterval, enabled);
  }

  /** One worker per core, loopback only: safe for a developer machine, useless for remote peers. */
  public static EngineConfig defaults() {
    int cores = Math.min(Runtime.getRuntime().availableProcessors(), MAX_WORKERS);
    return new EngineConfig(cores, loopback(), DEFAULT_BASE_PORT, loopback());
  }

  /** 127.0.0.1 literally; {@code getLoopbackAddress()} may answer ::1 on IPv6-preferring hosts. */
  public static InetAddress loopback() {
    try {
      return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new AssertionError("a 4-byte address is always valid", e);
    }
  }

  /** The port worker {@code workerId} binds, 0 meaning "let the kernel choose". */
  public int portOf(int workerId) {
    return basePort == 0 ? 0 : basePort + workerId;
  }
}
