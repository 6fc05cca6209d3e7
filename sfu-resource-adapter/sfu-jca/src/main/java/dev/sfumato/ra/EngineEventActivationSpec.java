package dev.sfumato.ra;

import dev.sfumato.engine.api.EngineEvent;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a message-driven bean subscribes to engine events. One optional property, {@code eventTypes}:
 * a comma-separated list of event record names ({@code WorkerStarted, RouterClosed}); blank means
 * every event.
 */
public class EngineEventActivationSpec implements ActivationSpec, Serializable {

  private static final long serialVersionUID = 1L;

  private static final Set<String> KNOWN_TYPES =
      Arrays.stream(EngineEvent.class.getPermittedSubclasses())
          .map(Class::getSimpleName)
          .collect(Collectors.toUnmodifiableSet());

  private String eventTypes = "";
  private volatile Set<String> accepted = Set.of();
  private transient ResourceAdapter resourceAdapter;

  public String getEventTypes() {
    return eventTypes;
  }

  public void setEventTypes(String eventTypes) {
    this.eventTypes = eventTypes == null ? "" : eventTypes;
    this.accepted = parse(this.eventTypes);
  }

  @Override
  public void validate() throws InvalidPropertyException {
    Set<String> unknown =
        parse(eventTypes).stream()
            .filter(t -> !KNOWN_TYPES.contains(t))
            .collect(Collectors.toSet());
    if (!unknown.isEmpty()) {
      throw new InvalidPropertyException(
          "eventTypes names unknown events " + unknown + "; known: " + KNOWN_TYPES);
    }
  }

  /** Whether this subscription wants {@code event}. */
  public boolean accepts(EngineEvent event) {
    Set<String> wanted = accepted;
    return wanted.isEmpty() || wanted.contains(event.getClass().getSimpleName());
  }

  @Override
  public ResourceAdapter getResourceAdapter() {
    return resourceAdapter;
  }

  @Override
  public void setResourceAdapter(ResourceAdapter resourceAdapter) throws ResourceException {
    this.resourceAdapter = resourceAdapter;
  }

  private static Set<String> parse(String list) {
    return Arrays.stream(list.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public String toString() {
    return "EngineEventActivationSpec[eventTypes=" + eventTypes + "]";
  }
}
