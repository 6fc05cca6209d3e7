package dev.sfumato.ra;

import dev.sfumato.engine.Engine;
import dev.sfumato.engine.EngineConfig;
import dev.sfumato.engine.api.EngineControl;
import dev.sfumato.engine.api.EngineException;
import dev.sfumato.ra.config.ConfigLookup;
import dev.sfumato.ra.config.MediaSettings;
import dev.sfumato.ra.inbound.EngineEventHub;
import dev.sfumato.ra.inbound.RetryScheduler;
import dev.sfumato.ra.work.Stages;
import dev.sfumato.ra.work.WorkManagerExecutor;
import dev.sfumato.ra.work.WorkManagerLauncher;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;

/**
 * Starts the media engine when the container starts the adapter, on WorkManager threads, and stops
 * it (every socket closed, every loop ended) before {@link #stop()} returns, so a redeploy in the
 * same JVM finds its ports free.
 *
 * <p>Settings come from MicroProfile Config (see {@link MediaSettings}); the ra.xml config
 * properties of the same meaning are the lowest-priority defaults.
 */
public class SfuResourceAdapter implements ResourceAdapter {

  private static final Logger LOG = Logger.getLogger(SfuResourceAdapter.class.getName());

  private String mediaWorkers;
  private String mediaBindAddress;
  private String mediaPort;
  private String mediaAnnouncedAddress;
  private String mediaFaultInjection;

  private final Object lifecycle = new Object();
  private volatile Engine engine;
  private volatile Executor completionExecutor;
  private volatile EngineEventHub hub;
  private Timer timer;

  @Override
  public void start(BootstrapContext context) throws ResourceAdapterInternalException {
    synchronized (lifecycle) {
      EngineConfig config;
      try {
        config = MediaSettings.resolve(configLookup());
      } catch (IllegalArgumentException e) {
        throw new ResourceAdapterInternalException(e.getMessage(), e);
      }
      Executor executor = new WorkManagerExecutor(context.getWorkManager());
      timer = createTimer(context);
      EngineEventHub events = new EngineEventHub(executor, retryScheduler(timer));
      Engine started =
          new Engine(
              config,
              new WorkManagerLauncher(context.getWorkManager()),
              executor, // DTLS handshakes: scheduleWork runs each on its own pooled thread
              events::publish);
      try {
        started.start();
      } catch (IOException | RuntimeException e) {
        events.close();
        cancelTimer();
        throw new ResourceAdapterInternalException("Sfumato media engine failed to start: " + e, e);
      }
      hub = events;
      completionExecutor = executor;
      engine = started;
      logWorkers(started, config);
    }
  }

  @Override
  public void stop() {
    synchronized (lifecycle) {
      Engine running = engine;
      engine = null;
      if (running != null) {
        running.close();
        LOG.info("Sfumato media engine stopped");
      }
      EngineEventHub events = hub;
      hub = null;
      if (events != null) {
        events.close();
      }
      completionExecutor = null;
      cancelTimer();
    }
  }

  /**
   * Calls the running engine and completes the result off the media thread; fails with {@code
   * CLOSED} while the adapter is stopped.
   */
  public <T> CompletionStage<T> call(Function<EngineControl, CompletionStage<T>> call) {
    Engine running = engine;
    if (running == null) {
      return CompletableFuture.failedFuture(
          new EngineException(EngineException.Code.CLOSED, "Sfumato resource adapter is stopped"));
    }
    return Stages.completeOn(call.apply(running.control()), completionExecutor);
  }

  @Override
  public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec)
      throws ResourceException {
    if (!(spec instanceof EngineEventActivationSpec)) {
      throw new NotSupportedException("unsupported activation spec " + spec);
    }
    EngineEventActivationSpec eventSpec = (EngineEventActivationSpec) spec;
    eventSpec.validate();
    EngineEventHub events = hub;
    if (events == null) {
      throw new ResourceException("Sfumato resource adapter is not started");
    }
    events.activate(factory, eventSpec);
  }

  @Override
  public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
    EngineEventHub events = hub;
    if (events != null && spec instanceof EngineEventActivationSpec) {
      events.deactivate(factory, (EngineEventActivationSpec) spec);
    }
  }

  @Override
  public XAResource[] getXAResources(ActivationSpec[] specs) {
    return new XAResource[0]; // inbound delivery is not transacted
  }

  private ConfigLookup configLookup() {
    Map<String, String> raXml = new HashMap<>();
    putIfSet(raXml, MediaSettings.WORKERS, mediaWorkers);
    putIfSet(raXml, MediaSettings.BIND_ADDRESS, mediaBindAddress);
    putIfSet(raXml, MediaSettings.PORT, mediaPort);
    putIfSet(raXml, MediaSettings.ANNOUNCED_ADDRESS, mediaAnnouncedAddress);
    putIfSet(raXml, MediaSettings.FAULT_INJECTION, mediaFaultInjection);
    return ConfigLookup.firstOf(
        ConfigLookup.microProfileOrSystem(getClass().getClassLoader()), ConfigLookup.of(raXml));
  }

  private static void putIfSet(Map<String, String> map, String key, String value) {
    if (value != null && !value.isBlank()) {
      map.put(key, value);
    }
  }

  private static void logWorkers(Engine engine, EngineConfig config) {
    List<InetSocketAddress> addresses = engine.localAddresses();
    for (int i = 0; i < addresses.size(); i++) {
      InetSocketAddress address = addresses.get(i);
      int worker = i;
      LOG.info(
          () ->
              "Sfumato media worker "
                  + worker
                  + " listening on UDP "
                  + address.getAddress().getHostAddress()
                  + ":"
                  + address.getPort()
                  + " (announced as "
                  + config.announcedAddress().getHostAddress()
                  + ")");
    }
  }

  private static Timer createTimer(BootstrapContext context) {
    try {
      return context.createTimer();
    } catch (UnavailableException | RuntimeException e) {
      LOG.log(Level.WARNING, "no BootstrapContext timer: event delivery will not retry", e);
      return null;
    }
  }

  private static RetryScheduler retryScheduler(Timer timer) {
    if (timer == null) {
      return (delay, task) -> {
        throw new IllegalStateException("no timer");
      };
    }
    return (delay, task) ->
        timer.schedule(
            new TimerTask() {
              @Override
              public void run() {
                task.run();
              }
            },
            delay);
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
  }

  public String getMediaWorkers() {
    return mediaWorkers;
  }

  public void setMediaWorkers(String mediaWorkers) {
    this.mediaWorkers = mediaWorkers;
  }

  public String getMediaBindAddress() {
    return mediaBindAddress;
  }

  public void setMediaBindAddress(String mediaBindAddress) {
    this.mediaBindAddress = mediaBindAddress;
  }

  public String getMediaPort() {
    return mediaPort;
  }

  public void setMediaPort(String mediaPort) {
    this.mediaPort = mediaPort;
  }

  public String getMediaAnnouncedAddress() {
    return mediaAnnouncedAddress;
  }

  public void setMediaAnnouncedAddress(String mediaAnnouncedAddress) {
    this.mediaAnnouncedAddress = mediaAnnouncedAddress;
  }

  public String getMediaFaultInjection() {
    return mediaFaultInjection;
  }

  public void setMediaFaultInjection(String mediaFaultInjection) {
    this.mediaFaultInjection = mediaFaultInjection;
  }
}
