package dev.sfumato.engine.api;

/**
 * Names a router (the media of one room) inside the engine.
 *
 * @param value 1..64 visible characters
 */
public record RouterId(String value) {

  public static final int MAX_LENGTH = Ids.MAX_LENGTH;

  public RouterId {
    Ids.validate("router", value);
  }

  public static RouterId random() {
    return new RouterId(Ids.random("RT_"));
  }

  @Override
  public String toString() {
    return value;
  }
}
