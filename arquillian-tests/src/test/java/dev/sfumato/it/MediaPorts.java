package dev.sfumato.it;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Looks at the server process from outside: its UDP ports and its media worker threads. */
final class MediaPorts {
  private MediaPorts() {}

  /** True when something (the server's media worker) holds this UDP port on loopback. */
  static boolean isBound(int port) {
    try (DatagramSocket probe = new DatagramSocket(null)) {
      probe.setReuseAddress(false);
      probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return false;
    } catch (SocketException e) {
      return true;
    }
  }

  static List<Integer> workerPorts() {
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < Server.MEDIA_WORKERS; i++) {
      ports.add(Server.MEDIA_PORT + i);
    }
    return ports;
  }

  /**
   * The number of media worker threads, read from thread dumps until it equals {@code expected} (at
   * most ten dumps): a worker loop hands its pooled thread back between slices, so one dump can
   * catch a worker between two threads.
   */
  static int mediaThreadCount(int expected) throws IOException, InterruptedException {
    int seen = -1;
    for (int i = 0; i < 10 && seen != expected; i++) {
      seen = mediaThreads().size();
    }
    return seen;
  }

  /** Names of the server's threads that currently run a media worker loop. */
  static List<String> mediaThreads() throws IOException, InterruptedException {
    long pid =
        ProcessHandle.allProcesses()
            .filter(p -> p.info().commandLine().orElse("").contains("sfumato-it"))
            .filter(p -> p.info().commandLine().orElse("").contains("ws-server"))
            .mapToLong(ProcessHandle::pid)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no Liberty process for sfumato-it"));
    String jcmd = System.getProperty("java.home") + "/bin/jcmd";
    Process p = new ProcessBuilder(jcmd, Long.toString(pid), "Thread.print").start();
    String dump = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    List<String> names = new ArrayList<>();
    for (String line : dump.split("\n")) {
      if (line.startsWith("\"sfumato-media-")) {
        names.add(line.substring(1, line.indexOf('"', 1)));
      }
    }
    return names;
  }
}
