package dev.sfumato.engine.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class IceCredentialsTest {

  @Test
  void generatesIceCharCredentialsLongEnoughAndDistinct() {
    SecureRandom random = new SecureRandom();
    IceCredentials a = IceCredentials.generate(random);
    IceCredentials b = IceCredentials.generate(random);

    assertThat(a.ufrag()).hasSizeGreaterThanOrEqualTo(4).matches("[A-Za-z0-9+/]+");
    assertThat(a.pwd()).hasSizeGreaterThanOrEqualTo(22).matches("[A-Za-z0-9+/]+");
    assertThat(a.ufrag()).isNotEqualTo(b.ufrag());
    assertThat(a.pwd()).isNotEqualTo(b.pwd());
  }

  @Test
  void rejectsWhatRfc8839DoesNotAllow() {
    assertThatThrownBy(() -> new IceCredentials("abc", "0123456789abcdefghijkl"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IceCredentials("abcd", "0123456789abcdefghijk"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IceCredentials("ab:d", "0123456789abcdefghijkl"))
        .as("a colon would break USERNAME")
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IceCredentials("abcd", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IceCredentials("a".repeat(257), "0123456789abcdefghijkl"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keepsThePasswordOutOfToString() {
    IceCredentials credentials = new IceCredentials("abcd", "0123456789abcdefghijkl");
    assertThat(credentials.toString()).contains("abcd").doesNotContain("0123456789");
  }
}
