package dev.sfumato.engine.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HmacSha1Test {

  @Test
  void matchesRfc2202TestCase2() {
    // RFC 2202 §3 test case 2: key "Jefe", data "what do ya want for nothing?"
    HmacSha1 hmac = new HmacSha1("Jefe".getBytes(StandardCharsets.US_ASCII));
    byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[20];
    hmac.start();
    hmac.update(data, 0, data.length);
    hmac.finish(out, 0);
    assertThat(out).isEqualTo(Hex.bytes("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"));
  }

  @Test
  void matchesTheJceMacWithTheRocAppendedAndIsReusable() throws Exception {
    Random random = new Random(2104);
    byte[] key = new byte[20];
    random.nextBytes(key);
    HmacSha1 hmac = new HmacSha1(key);
    Mac reference = Mac.getInstance("HmacSHA1");
    reference.init(new SecretKeySpec(key, "HmacSHA1"));
    for (int round = 0; round < 100; round++) {
      byte[] data = new byte[random.nextInt(1500)];
      random.nextBytes(data);
      int roc = random.nextInt();
      reference.update(data);
      reference.update(
          new byte[] {(byte) (roc >>> 24), (byte) (roc >>> 16), (byte) (roc >>> 8), (byte) roc});
      byte[] out = new byte[24];
      hmac.start();
      hmac.update(data, 0, data.length);
      hmac.updateInt(roc);
      hmac.finish(out, 4);
      assertThat(Hex.of(out, 4, 20)).isEqualTo(Hex.of(reference.doFinal(), 0, 20));
    }
  }
}
