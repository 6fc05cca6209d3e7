package dev.sfumato.engine.api;

/**
 * Names a producer inside the engine.
 *
 * @param value 1..64 visible characters
 */
public record ProducerId(String value) {

  public ProducerId {
    Ids.validate("producer", value);
  }

  public static ProducerId random() {
    return new ProducerId(Ids.random("PR_"));
  }

  @Override
  public String toString() {
    return value;
  }
}
