package dev.sfumato.engine.ice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sfumato.engine.stun.StunMessage;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/**
 * STYLE.md: no allocation per packet. Parsing, authenticating (HMAC-SHA1 and CRC-32), answering,
 * looking up the transport and refusing bad checks allocate nothing once warmed up.
 */
class IceAllocationTest {

  private static final int WARM_UP = 20_000;
  private static final int MEASURED = 20_000;

  @Test
  void answeringAndRefusingChecksAllocatesNothingPerRequest() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    IceLiteAgent agent =
        new IceLiteAgent(
            IceLiteAgentTest.LOCAL, 8, new SecureRandom(), new IceLiteAgentTest.Events());
    UfragIndex<IceLiteAgent> index = new UfragIndex<>();
    index.put(IceLiteAgentTest.LOCAL.ufrag(), agent);
    byte[] nominating = Check.to(IceLiteAgentTest.LOCAL).useCandidate().build();
    byte[] badIntegrity =
        Check.to(IceLiteAgentTest.LOCAL).password("wrongwrongwrongwrongwrong").build();
    byte[] out = new byte[1500];
    StunMessage message = new StunMessage();

    long answered = run(agent, index, message, nominating, badIntegrity, out, WARM_UP);
    long before = threads.getCurrentThreadAllocatedBytes();
    answered += run(agent, index, message, nominating, badIntegrity, out, MEASURED);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertThat(answered).isEqualTo(WARM_UP + MEASURED);
    // One 16-byte object per request would be 320 KB; allow for the odd JIT or clock artifact.
    assertThat(allocated).as("bytes for %d requests", 2 * MEASURED).isLessThan(16 * 1024);
  }

  private static long run(
      IceLiteAgent agent,
      UfragIndex<IceLiteAgent> index,
      StunMessage message,
      byte[] good,
      byte[] bad,
      byte[] out,
      int n) {
    long answered = 0;
    for (int i = 0; i < n; i++) {
      message.wrap(good, 0, good.length);
      IceLiteAgent target = index.find(message);
      answered += target.handleRequest(message, IceLiteAgentTest.PEER, i, out, 0) > 0 ? 1 : 0;
      agent.handleRequest(bad, 0, bad.length, IceLiteAgentTest.PEER, i, out, 0);
      agent.tick(i);
    }
    return answered;
  }
}
