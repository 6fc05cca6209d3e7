package dev.sfumato.engine.ice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sfumato.engine.stun.StunMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Finding a transport by the local ufrag of a request, and the USERNAME helpers under it. */
class UfragIndexTest {

  private final StunMessage message = new StunMessage();

  @Test
  void findsTheTransportByTheUfragBeforeTheColon() {
    UfragIndex<String> index = new UfragIndex<>();
    index.put("abcd", "transport-1");
    index.put("abcde", "transport-2");

    assertThat(index.find(wrap("abcd:peer"))).isEqualTo("transport-1");
    assertThat(index.find(wrap("abcde:peer"))).isEqualTo("transport-2");
    assertThat(index.find(wrap("abc:peer"))).isNull();
    assertThat(index.find(wrap("abcd"))).as("no colon").isNull();
  }

  @Test
  void splitsUsernameAtTheFirstColon() {
    assertThat(IceUsername.localUfragLength(wrap("abcd:pe:er"))).isEqualTo(4);
    assertThat(IceUsername.localUfragLength(wrap(":peer"))).isZero();
    assertThat(IceUsername.localUfragLength(wrap("abcd"))).isEqualTo(-1);
    assertThat(IceUsername.remoteUfragEquals(wrap("abcd:pe:er"), "pe:er".getBytes())).isTrue();
    assertThat(IceUsername.remoteUfragEquals(wrap("abcd:peer"), "pee".getBytes())).isFalse();
  }

  /** Random puts and removes against a HashMap: backward-shift deletion keeps probe runs intact. */
  @Test
  void behavesLikeAMapUnderChurn() {
    UfragIndex<Integer> index = new UfragIndex<>();
    Map<String, Integer> model = new HashMap<>();
    List<String> ufrags = new ArrayList<>();
    Random random = new Random(8445);
    for (int i = 0; i < 300; i++) {
      ufrags.add(Integer.toString(random.nextInt(1 << 20), 36) + "abcd");
    }
    for (int step = 0; step < 20_000; step++) {
      String ufrag = ufrags.get(random.nextInt(ufrags.size()));
      if (random.nextInt(3) == 0) {
        assertThat(index.remove(ufrag)).isEqualTo(model.remove(ufrag));
      } else {
        index.put(ufrag, step);
        model.put(ufrag, step);
      }
      assertThat(index.size()).isEqualTo(model.size());
    }
    for (String ufrag : ufrags) {
      byte[] key = ufrag.getBytes();
      assertThat(index.get(key, 0, key.length)).as(ufrag).isEqualTo(model.get(ufrag));
    }
  }

  private StunMessage wrap(String username) {
    byte[] check = Check.to(IceLiteAgentTest.LOCAL).username(username).build();
    assertThat(message.wrap(check, 0, check.length)).isTrue();
    return message;
  }
}
