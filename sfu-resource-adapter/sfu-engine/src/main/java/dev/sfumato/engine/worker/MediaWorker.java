package dev.sfumato.engine.worker;

import dev.sfumato.engine.SlicedLoop;
import dev.sfumato.engine.api.EngineEvent;
import dev.sfumato.engine.api.EngineException;
import dev.sfumato.engine.api.WorkerDump;
import dev.sfumato.engine.net.Demultiplexer;
import dev.sfumato.engine.net.UdpEndpoint;
import dev.sfumato.engine.stats.DropCounters;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One single-threaded media worker: a selector over its non-blocking UDP socket, a command queue
 * and timers, all driven by one loop. Everything the worker owns (routers, counters, later
 * transports) is touched by the loop thread only; other threads talk to it through {@link #submit}.
 *
 * <p>Each turn of the loop: wait in {@code select} until a datagram, a command (which wakes the
 * selector) or the next timer; read a bounded burst of datagrams; apply a bounded batch of
 * commands; run due timers. The bounds keep any one source from starving the others.
 *
 * <p>The loop runs in slices ({@link SlicedLoop}): each slice may run on another pooled thread, but
 * slices never overlap and the executor's hand-off orders them, so the confinement holds.
 */
public final class MediaWorker implements SlicedLoop {

  public static final String THREAD_NAME_PREFIX = "sfumato-media-";

  private static final Logger LOG = Logger.getLogger(MediaWorker.class.getName());

  /** ~64 µs of receive work at 1 µs per datagram before commands and timers get a turn. */
  private static final int DATAGRAMS_PER_TURN = 64;

  /** Commands are cheap but unbounded in number; cap them so media keeps flowing under a storm. */
  private static final int COMMANDS_PER_TURN = 256;

  private final int id;
  private final UdpEndpoint endpoint;
  private final Selector selector;
  private final EventSink events;
  private final CommandQueue commands = new CommandQueue();
  private final DropCounters drops = new DropCounters();
  private final WorkerTimers timers = new WorkerTimers(System::nanoTime);
  private final Demultiplexer demux;
  private final RouterTable routers;
  private final TransportTable transports;
  private final CommandDispatcher dispatcher;
  private final Consumer<SelectionKey> onReady = this::onReady;
  private final Consumer<Command> applier = this::apply;

  /** The audio-level observer's window (EngineConfig#speakerInterval). */
  private final long speakerNanos;

  /** Routers plus creations in flight: what placement balances on. */
  private final AtomicInteger load = new AtomicInteger();

  private final AtomicBoolean claimed = new AtomicBoolean();
  private final CountDownLatch exited = new CountDownLatch(1);
  private volatile boolean stopRequested;
  private volatile String stopReason = "engine stopped";
  private volatile boolean running;
  private volatile boolean started;
  private volatile Thread owner;
  private boolean socketClosed;

  private MediaWorker(
      int id,
      UdpEndpoint endpoint,
      Selector selector,
      EventSink events,
      RouterDirectory dir,
      EngineResources resources) {
    this.id = id;
    this.endpoint = endpoint;
    this.selector = selector;
    this.events = events;
    this.routers = new RouterTable(id, this, dir, events, load);
    this.transports = new TransportTable(this, endpoint, drops, events, dir, resources, routers);
    ForwardTable forward = new ForwardTable(this, dir, events, transports, routers);
    DataTable data = new DataTable(this, dir, events, transports);
    this.transports.setForward(forward, data);
    this.dispatcher =
        new CommandDispatcher(routers, transports, forward, data, () -> snapshot(true));
    this.routers.setTransports(transports);
    this.demux = new Demultiplexer(drops, transports);
    timers.schedule(TICK_NANOS, this::tick);
    this.speakerNanos = resources.speakerInterval().toNanos();
    timers.schedule(speakerNanos, this::observeSpeakers);
  }

  private void observeSpeakers() {
    routers.observeSpeakers();
    timers.schedule(speakerNanos, this::observeSpeakers);
  }

  /** RTCP reports and ICE consent run once a second (RFC 3550 §6.2 allows ~1 s at our scale). */
  static final long TICK_NANOS = TimeUnit.SECONDS.toNanos(1);

  private void tick() {
    transports.tick();
    timers.schedule(TICK_NANOS, this::tick);
  }

  /** Binds the worker's socket now, on the caller's thread, so a taken port fails the start. */
  static MediaWorker bind(
      int id,
      InetSocketAddress address,
      EventSink events,
      RouterDirectory directory,
      EngineResources resources)
      throws IOException {
    UdpEndpoint endpoint = UdpEndpoint.bind(address);
    Selector selector = null;
    try {
      selector = Selector.open();
      MediaWorker worker = new MediaWorker(id, endpoint, selector, events, directory, resources);
      endpoint.register(selector, endpoint);
      return worker;
    } catch (IOException | RuntimeException e) {
      closeQuietly(selector);
      closeQuietly(endpoint);
      throw e;
    }
  }

  public int id() {
    return id;
  }

  public String name() {
    return THREAD_NAME_PREFIX + id;
  }

  public InetSocketAddress localAddress() {
    return endpoint.localAddress();
  }

  public boolean isRunning() {
    return running;
  }

  /** True once the loop was asked to stop, has ended, or will never run. */
  boolean isStopping() {
    return stopRequested || exited.getCount() == 0;
  }

  AtomicInteger load() {
    return load;
  }

  WorkerTimers timers() {
    return timers;
  }

  /** True on the thread running the loop now (slices may move between pooled threads). */
  boolean isOwnerThread() {
    return owner == Thread.currentThread();
  }

  /** Queues a command for the loop; if the worker has stopped, the command fails with CLOSED. */
  void submit(Command command) {
    if (commands.offer(command)) {
      selector.wakeup();
    }
  }

  /** Asks the loop to end after its current turn. */
  void requestStop(String reason) {
    if (!stopRequested) {
      stopReason = reason;
      stopRequested = true;
    }
    selector.wakeup();
  }

  @Override
  public boolean runSlice(long maxNanos) {
    if (!started) {
      if (!claimed.compareAndSet(false, true)) {
        return false; // stopped before a thread reached us
      }
      started = true;
      running = true;
      events.emit(new EngineEvent.WorkerStarted(id, endpoint.localAddress()));
    }
    Thread thread = Thread.currentThread();
    String originalName = thread.getName();
    thread.setName(name());
    owner = thread;
    String endReason = null;
    try {
      endReason = loop(System.nanoTime() + maxNanos);
    } catch (Throwable e) {
      endReason = "failed: " + e;
      LOG.log(Level.SEVERE, e, () -> name() + " loop failed");
      if (e instanceof VirtualMachineError) {
        throw (VirtualMachineError) e;
      }
    } finally {
      owner = null;
      thread.setName(originalName);
      if (endReason != null) {
        finish(endReason);
        if (endReason.equals("interrupted")) {
          thread.interrupt(); // the container interrupted us; let it see that on its own thread
        }
      }
    }
    return endReason == null;
  }

  @Override
  public void abandon(String reason) {
    if (exited.getCount() > 0) {
      LOG.warning(() -> name() + " lost its thread: " + reason);
      finish("abandoned: " + reason);
    }
  }

  private void finish(String reason) {
    shutdown(reason);
    running = false;
    exited.countDown();
  }

  /** Turns of the loop until {@code sliceEnd}; null then, or why the loop ended for good. */
  private String loop(long sliceEnd) throws IOException {
    while (true) {
      if (stopRequested) {
        return stopReason;
      }
      if (Thread.interrupted()) {
        return "interrupted";
      }
      long sliceLeft = sliceEnd - System.nanoTime();
      if (sliceLeft <= 0) {
        return null;
      }
      long waitNanos = Math.min(timers.nanosUntilNext(), sliceLeft);
      if (waitNanos == 0 || !commands.isEmpty()) {
        selector.selectNow(onReady);
      } else {
        // commands and stop requests call wakeup(), which ends the wait early
        selector.select(onReady, Math.max(1, (waitNanos + 999_999) / 1_000_000));
      }
      if (socketClosed) {
        return "socket closed";
      }
      commands.drain(applier, COMMANDS_PER_TURN);
      timers.runDue();
    }
  }

  private void onReady(SelectionKey key) {
    UdpEndpoint ready = (UdpEndpoint) key.attachment();
    if (ready.receiveBurst(demux, drops, DATAGRAMS_PER_TURN) == UdpEndpoint.CLOSED) {
      socketClosed = true;
    }
  }

  private void apply(Command command) {
    try {
      dispatcher.dispatch(command);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, e, () -> name() + " failed to apply " + command);
      command.fail(new EngineException(EngineException.Code.INTERNAL, "command failed: " + e, e));
    }
  }

  /** The dump; answered by the loop, or from the last counters if the loop is gone. */
  CompletableFuture<WorkerDump> dump() {
    CompletableFuture<WorkerDump> reply = new CompletableFuture<>();
    if (isStopping()) {
      reply.complete(snapshot(false));
    } else {
      submit(new Command.WorkerDump(reply));
    }
    return reply.exceptionallyCompose(
        e -> CompletableFuture.completedFuture(snapshot(false))); // stopped while queued
  }

  private WorkerDump snapshot(boolean live) {
    return new WorkerDump(
        id,
        UdpEndpoint.format(endpoint.localAddress()),
        live && running,
        live ? routers.size() : 0,
        live ? transports.size() : 0,
        endpoint.datagramsIn(),
        drops.snapshot());
  }

  /** Releases what the loop owned; runs on the loop thread as its last act. */
  private void shutdown(String reason) {
    commands.close();
    routers.closeAll();
    closeQuietly(selector);
    closeQuietly(endpoint);
    events.emit(new EngineEvent.WorkerStopped(id, reason));
    LOG.fine(() -> name() + " stopped: " + reason);
  }

  /**
   * Waits for the loop to end. A loop that never started is claimed here and can no longer start.
   *
   * @return false if the loop did not end in time (or is the calling thread itself)
   */
  boolean awaitExit(long timeoutNanos) throws InterruptedException {
    if (claimed.compareAndSet(false, true)) {
      commands.close();
      closeQuietly(selector);
      closeQuietly(endpoint);
      exited.countDown();
      return true;
    }
    if (owner == Thread.currentThread()) {
      return false;
    }
    return exited.await(timeoutNanos, TimeUnit.NANOSECONDS);
  }

  /** Last resort for a loop that does not end: closes its socket from this thread. */
  void forceClose() {
    commands.close();
    closeQuietly(endpoint);
    closeQuietly(selector); // deregisters the channel, which is what finally frees the port
  }

  private static void closeQuietly(Closeable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "close failed", e);
    }
  }

  @Override
  public String toString() {
    return name() + "@" + UdpEndpoint.format(endpoint.localAddress());
  }
}
