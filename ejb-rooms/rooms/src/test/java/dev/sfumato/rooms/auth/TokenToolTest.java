package dev.sfumato.rooms.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenToolTest {

  static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String SECRET = "tool-secret-0123456789-0123456789-abcd";

  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(Map<String, String> env, String... args) {
    return TokenTool.run(
        args,
        env,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        CLOCK);
  }

  String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  ClaimGrants verifyPrinted(ApiKeys keys) throws TokenException {
    assertThat(stdout()).endsWith("\n").doesNotContain(" ");
    assertThat(stdout().strip().lines()).hasSize(1);
    return new AccessTokenVerifier(keys, CLOCK).verify(stdout().strip());
  }

  @Test
  void mintsJoinTokenWithDevelopmentKeyAndWarns() throws TokenException {
    int status = run(Map.of(), "--room", "demo", "--identity", "alice", "--name", "Alice");

    assertThat(status).isZero();
    assertThat(stderr())
        .contains("warning")
        .contains("devkey")
        .doesNotContain(ApiKeys.DEVELOPMENT_SECRET);
    ClaimGrants grants = verifyPrinted(ApiKeys.development());
    assertThat(grants.identity()).isEqualTo("alice");
    assertThat(grants.name()).isEqualTo("Alice");
    assertThat(grants.video().roomJoin()).isTrue();
    assertThat(grants.video().room()).isEqualTo("demo");
    assertThat(grants.video().canPublish()).isNull();
    assertThat(grants.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(6)));
  }

  @Test
  void usesKeyAndSecretFromTheEnvironment() throws TokenException {
    int status =
        run(
            Map.of(TokenTool.ENV_KEY, "APIenv", TokenTool.ENV_SECRET, SECRET),
            "--room=demo",
            "--identity=bob",
            "--publish",
            "false",
            "--subscribe=true",
            "--sources",
            "microphone,camera",
            "--ttl",
            "90m");

    assertThat(status).isZero();
    assertThat(stderr()).isEmpty();
    ClaimGrants grants = verifyPrinted(ApiKeys.of("APIenv", SECRET));
    assertThat(grants.video().canPublish()).isFalse();
    assertThat(grants.video().canSubscribe()).isTrue();
    assertThat(grants.video().canPublishSources()).containsExactly("microphone", "camera");
    assertThat(grants.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(90)));
  }

  @Test
  void commandLineKeyWinsOverEnvironment() throws TokenException {
    int status =
        run(
            Map.of(TokenTool.ENV_KEY, "APIenv", TokenTool.ENV_SECRET, "x"),
            "--list",
            "--create",
            "--key",
            "APIcli",
            "--secret",
            SECRET,
            "--ttl",
            "PT10M");

    assertThat(status).isZero();
    ClaimGrants grants = verifyPrinted(ApiKeys.of("APIcli", SECRET));
    assertThat(grants.identity()).isEmpty();
    assertThat(grants.video().roomList()).isTrue();
    assertThat(grants.video().roomCreate()).isTrue();
    assertThat(grants.video().roomJoin()).isFalse();
  }

  @Test
  void adminTokenNeedsARoom() throws TokenException {
    assertThat(run(Map.of(), "--admin", "--room", "demo")).isZero();
    assertThat(verifyPrinted(ApiKeys.development()).video().roomAdmin()).isTrue();
  }

  @Test
  void helpPrintsUsageAndSucceeds() {
    assertThat(run(Map.of(), "--help")).isZero();
    assertThat(stdout()).contains("Usage:", "--room", "--identity", "--ttl", "SFUMATO_API_KEY");
  }

  @Test
  void badArgumentsExitWithTwoAndPrintNothingOnStdout() {
    String[][] bad = {
      {},
      {"--room", "demo"},
      {"--identity", "alice"},
      {"--identity", "", "--room", "r"},
      {"--admin"},
      {"--room", "r", "--identity", "a", "--ttl", "soon"},
      {"--room", "r", "--identity", "a", "--ttl", "0"},
      {"--room", "r", "--identity", "a", "--publish", "yes"},
      {"--room", "r", "--identity", "a", "--sources", "webcam"},
      {"--room", "r", "--identity", "a", "--bogus"},
      {"--room", "r", "--identity"},
      {"--room", "r", "--room", "s", "--identity", "a"},
      {"--room", "r", "--identity", "a", "--key", "k"},
      {"--room", "r", "--identity", "a", "--key", "k", "--secret", "short"},
    };
    for (String[] args : bad) {
      out.reset();
      err.reset();
      assertThat(run(Map.of(), args)).as(String.join(" ", args)).isEqualTo(2);
      assertThat(stdout()).as(String.join(" ", args)).isEmpty();
      assertThat(stderr()).contains("sfumato-token:").doesNotContain("short\n");
    }
  }

  @Test
  void halfConfiguredEnvironmentIsAnError() {
    assertThat(run(Map.of(TokenTool.ENV_KEY, "APIenv"), "--list")).isEqualTo(2);
    assertThat(stderr()).contains(TokenTool.ENV_SECRET);
  }

  @Test
  void readsTtlUnits() {
    assertThat(TokenTool.ttl("45")).isEqualTo(Duration.ofSeconds(45));
    assertThat(TokenTool.ttl("45s")).isEqualTo(Duration.ofSeconds(45));
    assertThat(TokenTool.ttl("30m")).isEqualTo(Duration.ofMinutes(30));
    assertThat(TokenTool.ttl("6h")).isEqualTo(Duration.ofHours(6));
    assertThat(TokenTool.ttl("2d")).isEqualTo(Duration.ofDays(2));
    assertThat(TokenTool.ttl("pt1h30m")).isEqualTo(Duration.ofMinutes(90));
  }
}
