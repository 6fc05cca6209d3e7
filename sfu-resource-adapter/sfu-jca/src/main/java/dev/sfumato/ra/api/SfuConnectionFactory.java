package dev.sfumato.ra.api;

import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import java.io.Serializable;

/**
 * The outbound connection factory bound in JNDI (e.g. {@code eis/sfumato/engine}); inject it with
 * {@code @Resource(lookup = "eis/sfumato/engine")}.
 */
public interface SfuConnectionFactory extends Serializable, Referenceable {

  /** A handle on the engine's control channel; close it when done (try-with-resources). */
  SfuConnection getConnection() throws ResourceException;
}
