package dev.sfumato.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load average, printed with results (2 shared cores: it matters). */
final class Load {
  private Load() {}

  static String uptime() {
    try {
      return "loadavg " + Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "loadavg unknown";
    }
  }
}
