package dev.sfumato.rooms.auth;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Command line minting of access tokens, like {@code lk token create}: prints only the JWT on
 * stdout, so {@code TOKEN=$(bin/sfumato-token ...)} works. Exit status 0, or 2 on bad arguments.
 */
public final class TokenTool {

  static final String ENV_KEY = "SFUMATO_API_KEY";
  static final String ENV_SECRET = "SFUMATO_API_SECRET";
  static final int EXIT_USAGE = 2;

  static final String USAGE =
      """
      Usage: sfumato-token [options]
        Mints a LiveKit access token (HS256 JWT) and prints it on stdout.

      Grants (at least one):
        --identity I       join the room given by --room as participant I (roomJoin)
        --admin            administer the room given by --room (roomAdmin)
        --list             list rooms (roomList)
        --create           create and delete rooms (roomCreate)
        --room R           the room for --identity and --admin

      Participant options:
        --name N           display name
        --metadata M       participant metadata
        --publish B        true|false: may publish tracks (LiveKit default: true)
        --subscribe B      true|false: may subscribe to tracks (default: true)
        --publish-data B   true|false: may send data messages (default: as --publish)
        --sources S,...    only these sources: camera,microphone,screen_share,screen_share_audio

      Token options:
        --ttl T            lifetime: 90s, 30m, 6h, 2d, or ISO-8601 like PT6H (default 6h)
        --key K            API key   (default: $SFUMATO_API_KEY)
        --secret S         API secret (default: $SFUMATO_API_SECRET; visible in `ps`, prefer the
                           variable). Without either, the public development key is used.
        --help             this text

      Example:
        sfumato-token --room demo --identity alice --name Alice --ttl 1h
      """;

  private static final Set<String> FLAGS = Set.of("--admin", "--list", "--create", "--help", "-h");
  private static final Set<String> OPTIONS =
      Set.of(
          "--room",
          "--identity",
          "--name",
          "--metadata",
          "--ttl",
          "--publish",
          "--subscribe",
          "--publish-data",
          "--sources",
          "--key",
          "--secret");
  private static final Pattern SIMPLE_TTL = Pattern.compile("(\\d{1,9})([smhd]?)");

  private TokenTool() {}

  public static void main(String[] args) {
    int status = run(args, System.getenv(), System.out, System.err, Clock.systemUTC());
    if (status != 0) {
      System.exit(status);
    }
  }

  /** The whole tool, without {@code System.exit}, for tests. */
  static int run(
      String[] args, Map<String, String> env, PrintStream out, PrintStream err, Clock clock) {
    try {
      Map<String, String> opts = parse(args);
      if (opts.containsKey("--help") || opts.containsKey("-h")) {
        out.print(USAGE);
        return 0;
      }
      ClaimGrants grants = grants(opts);
      Duration ttl = ttl(opts.getOrDefault("--ttl", "6h"));
      AccessTokenMinter minter = minter(opts, env, err, clock);
      out.println(minter.mint(grants, ttl));
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("sfumato-token: " + e.getMessage());
      err.println("Try 'sfumato-token --help'.");
      return EXIT_USAGE;
    }
  }

  /** Options to values ("" for flags); accepts "--opt value" and "--opt=value". */
  static Map<String, String> parse(String[] args) {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      if (FLAGS.contains(name) && value == null) {
        value = "";
      } else if (OPTIONS.contains(name)) {
        if (value == null) {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
          }
          value = args[++i];
        }
      } else {
        throw new IllegalArgumentException("unknown argument '" + arg + "'");
      }
      if (opts.put(name, value) != null) {
        throw new IllegalArgumentException(name + " given twice");
      }
    }
    return opts;
  }

  static ClaimGrants grants(Map<String, String> opts) {
    String room = opts.getOrDefault("--room", "");
    String identity = opts.getOrDefault("--identity", "");
    boolean join = opts.containsKey("--identity");
    boolean admin = opts.containsKey("--admin");
    if (join && identity.isBlank()) {
      throw new IllegalArgumentException("--identity must not be empty");
    }
    if ((join || admin) && room.isBlank()) {
      throw new IllegalArgumentException("--room is required with --identity or --admin");
    }
    VideoGrant.Builder video =
        VideoGrant.builder()
            .roomJoin(join)
            .roomAdmin(admin)
            .roomList(opts.containsKey("--list"))
            .roomCreate(opts.containsKey("--create"))
            .room(room)
            .canPublish(bool(opts, "--publish"))
            .canSubscribe(bool(opts, "--subscribe"))
            .canPublishData(bool(opts, "--publish-data"));
    if (opts.containsKey("--sources")) {
      List<String> sources = Arrays.asList(opts.get("--sources").split(",", -1));
      for (String source : sources) {
        if (!VideoGrant.KNOWN_SOURCES.contains(source)) {
          throw new IllegalArgumentException(
              "--sources: '" + source + "' is not one of " + VideoGrant.KNOWN_SOURCES);
        }
      }
      video.canPublishSources(sources);
    }
    VideoGrant grant = video.build();
    if (!grant.roomJoin() && !grant.roomAdmin() && !grant.roomList() && !grant.roomCreate()) {
      throw new IllegalArgumentException(
          "nothing to grant: give --identity and --room, or --admin, --list or --create");
    }
    return ClaimGrants.builder()
        .identity(identity)
        .name(opts.getOrDefault("--name", ""))
        .metadata(opts.getOrDefault("--metadata", ""))
        .video(grant)
        .build();
  }

  static Duration ttl(String text) {
    Duration ttl;
    Matcher m = SIMPLE_TTL.matcher(text);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      ttl =
          switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofSeconds(n);
          };
    } else {
      try {
        ttl = Duration.parse(text.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("--ttl: cannot read '" + text + "' (try 6h)");
      }
    }
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("--ttl must be positive");
    }
    return ttl;
  }

  private static Boolean bool(Map<String, String> opts, String name) {
    String value = opts.get(name);
    if (value == null) {
      return null;
    }
    return switch (value) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException(name + " must be true or false");
    };
  }

  private static AccessTokenMinter minter(
      Map<String, String> opts, Map<String, String> env, PrintStream err, Clock clock) {
    String key = opts.getOrDefault("--key", nonEmpty(env.get(ENV_KEY)));
    String secret = opts.getOrDefault("--secret", nonEmpty(env.get(ENV_SECRET)));
    if (key == null && secret == null) {
      err.println(
          "sfumato-token: warning: no --key/--secret or "
              + ENV_KEY
              + "/"
              + ENV_SECRET
              + "; using the public development key '"
              + ApiKeys.DEVELOPMENT_KEY
              + "'");
      return AccessTokenMinter.forKey(ApiKeys.development(), ApiKeys.DEVELOPMENT_KEY, clock);
    }
    if (key == null || secret == null) {
      throw new IllegalArgumentException(
          "give both an API key and a secret (--key/--secret or "
              + ENV_KEY
              + "/"
              + ENV_SECRET
              + ")");
    }
    return new AccessTokenMinter(key, secret, clock);
  }

  private static String nonEmpty(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
