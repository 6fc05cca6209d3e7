package dev.sfumato.bench;

import dev.sfumato.engine.srtp.SrtpProfile;
import java.util.Arrays;

/** {@link FanOutMain}'s command line. */
record Options(
    int[] subscribers, int seconds, int warmup, int outRate, SrtpProfile profile, int maxSeconds) {

  static Options parse(String[] args) {
    int[] subscribers = {10, 100, 1000};
    int seconds = 5;
    int warmup = 3;
    int outRate = 100_000;
    SrtpProfile profile = null;
    int maxSeconds = 900;
    for (int i = 0; i + 1 < args.length; i += 2) {
      String v = args[i + 1];
      switch (args[i]) {
        case "--subscribers" ->
            subscribers =
                Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).sorted().toArray();
        case "--seconds" -> seconds = Integer.parseInt(v);
        case "--warmup" -> warmup = Integer.parseInt(v);
        case "--out-rate" -> outRate = Integer.parseInt(v);
        case "--profile" ->
            profile =
                switch (v) {
                  case "negotiated" -> null;
                  case "cm80" -> SrtpProfile.AES128_CM_HMAC_SHA1_80;
                  case "gcm" -> SrtpProfile.AEAD_AES_128_GCM;
                  default -> throw new IllegalArgumentException("profile: negotiated|cm80|gcm");
                };
        case "--max-seconds" -> maxSeconds = Integer.parseInt(v);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (seconds + warmup > 20) {
      throw new IllegalArgumentException("warm-up + measure must stay under 20 s (ICE consent)");
    }
    return new Options(subscribers, seconds, warmup, outRate, profile, maxSeconds);
  }
}
