package dev.sfumato.engine.api;

import java.util.Map;
import java.util.Objects;

/**
 * One worker's state, taken on the worker's own thread.
 *
 * @param workerId the worker's index, 0-based
 * @param localAddress the bound UDP address as {@code ip:port} ({@code [ip]:port} for IPv6)
 * @param running whether the worker's loop is running
 * @param routers number of routers pinned to the worker
 * @param transports number of WebRTC transports open on the worker
 * @param datagramsIn every datagram read from the socket, dropped or not
 * @param drops dropped datagrams by reason name, every reason present
 */
public record WorkerDump(
    int workerId,
    String localAddress,
    boolean running,
    int routers,
    int transports,
    long datagramsIn,
    Map<String, Long> drops) {
  public WorkerDump {
    Objects.requireNonNull(localAddress, "localAddress");
    drops = Map.copyOf(drops);
  }
}
