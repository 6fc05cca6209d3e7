package dev.sfumato.engine.api;

/**
 * Names a data consumer inside the engine.
 *
 * @param value 1..64 visible characters
 */
public record DataConsumerId(String value) {

  public DataConsumerId {
    Ids.validate("data consumer", value);
  }

  public static DataConsumerId random() {
    return new DataConsumerId(Ids.random("DC_"));
  }

  @Override
  public String toString() {
    return value;
  }
}
