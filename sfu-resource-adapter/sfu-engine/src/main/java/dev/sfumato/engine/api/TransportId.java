package dev.sfumato.engine.api;

/**
 * Names a transport inside the engine.
 *
 * @param value 1..64 visible characters
 */
public record TransportId(String value) {

  public TransportId {
    Ids.validate("transport", value);
  }

  public static TransportId random() {
    return new TransportId(Ids.random("TP_"));
  }

  @Override
  public String toString() {
    return value;
  }
}
