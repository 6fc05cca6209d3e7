package dev.sfumato.engine.api;

import java.util.Objects;

/**
 * A router as the engine created it.
 *
 * @param id the router's id
 * @param workerId the worker whose thread owns the router and everything under it
 */
public record RouterInfo(RouterId id, int workerId) {
  public RouterInfo {
    Objects.requireNonNull(id, "id");
  }
}
