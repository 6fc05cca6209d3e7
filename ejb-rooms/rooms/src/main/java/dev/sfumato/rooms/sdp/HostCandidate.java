package dev.sfumato.rooms.sdp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A UDP host candidate of the server (an ICE-lite agent has only these, RFC 8445 §5.1.1.1).
 *
 * @param address an IPv4 or IPv6 literal; never a name, so no lookup happens here
 */
public record HostCandidate(String address, int port) {
  /** RFC 8445 §5.1.2.2: the recommended type preference of host candidates. */
  static final int HOST_TYPE_PREFERENCE = 126;

  public HostCandidate {
    if (address == null || !address.matches("[0-9A-Fa-f:.]{2,45}")) {
      throw new IllegalArgumentException("host candidate address must be an IP literal");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("host candidate port out of range 1..65535");
    }
  }

  public boolean isIpv6() {
    return address.indexOf(':') >= 0;
  }

  /**
   * The a=candidate for this address, {@code index} being its place in the server's list.
   *
   * <p>RFC 8445 §5.1.2.1: priority = 2^24·type preference + 2^8·local preference + (256 −
   * component). The local preference must differ per IP address; we give the first address 65535
   * and count down. RFC 8445 §5.1.1.3: candidates share a foundation when type, base IP and
   * transport are equal, so the foundation is a CRC-32 of those three.
   */
  public Candidate toCandidate(int index) {
    int localPreference = 65535 - Math.min(index, 65535);
    int component = 1;
    long priority =
        ((long) HOST_TYPE_PREFERENCE << 24) + ((long) localPreference << 8) + 256 - component;
    CRC32 crc = new CRC32();
    crc.update(("host udp " + address).getBytes(StandardCharsets.US_ASCII));
    return new Candidate(
        Long.toString(crc.getValue()),
        component,
        "udp",
        priority,
        address,
        port,
        "host",
        null,
        -1,
        List.of());
  }
}
