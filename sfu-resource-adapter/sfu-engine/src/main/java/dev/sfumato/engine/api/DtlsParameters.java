package dev.sfumato.engine.api;

import java.util.List;
import java.util.Objects;

/**
 * One side's DTLS parameters: its role and certificate fingerprints (RFC 8842).
 *
 * @param role the role this side takes
 * @param fingerprints at least one
 */
public record DtlsParameters(DtlsRole role, List<DtlsFingerprint> fingerprints) {
  public DtlsParameters {
    Objects.requireNonNull(role, "role");
    fingerprints = List.copyOf(fingerprints);
    if (fingerprints.isEmpty()) {
      throw Checks.invalid("at least one DTLS fingerprint is required");
    }
  }
}
