package dev.sfumato.engine.api;

/**
 * Names a consumer inside the engine.
 *
 * @param value 1..64 visible characters
 */
public record ConsumerId(String value) {

  public ConsumerId {
    Ids.validate("consumer", value);
  }

  public static ConsumerId random() {
    return new ConsumerId(Ids.random("CO_"));
  }

  @Override
  public String toString() {
    return value;
  }
}
