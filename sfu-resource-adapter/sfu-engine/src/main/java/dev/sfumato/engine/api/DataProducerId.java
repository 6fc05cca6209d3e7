package dev.sfumato.engine.api;

/**
 * Names a data producer inside the engine.
 *
 * @param value 1..64 visible characters
 */
public record DataProducerId(String value) {

  public DataProducerId {
    Ids.validate("data producer", value);
  }

  public static DataProducerId random() {
    return new DataProducerId(Ids.random("DP_"));
  }

  @Override
  public String toString() {
    return value;
  }
}
