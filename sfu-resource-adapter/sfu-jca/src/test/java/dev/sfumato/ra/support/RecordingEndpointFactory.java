package dev.sfumato.ra.support;

import dev.sfumato.engine.api.EngineEvent;
import dev.sfumato.ra.api.EngineEventMessageListener;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.transaction.xa.XAResource;

/** A message-driven bean stand-in: records each event and the thread it arrived on. */
public final class RecordingEndpointFactory implements MessageEndpointFactory {

  public record Delivery(EngineEvent event, String thread) {}

  public final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
  public final AtomicInteger released = new AtomicInteger();

  /** createEndpoint throws UnavailableException this many times first (an MDB still starting). */
  public final AtomicInteger unavailableFor = new AtomicInteger();

  @Override
  public MessageEndpoint createEndpoint(XAResource xaResource) throws UnavailableException {
    if (unavailableFor.getAndDecrement() > 0) {
      throw new UnavailableException("not yet");
    }
    return (MessageEndpoint)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {MessageEndpoint.class, EngineEventMessageListener.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "onEngineEvent" ->
                    deliveries.add(
                        new Delivery((EngineEvent) args[0], Thread.currentThread().getName()));
                case "release" -> released.incrementAndGet();
                case "toString" -> {
                  return "recording endpoint";
                }
                default -> {}
              }
              return null;
            });
  }

  @Override
  public MessageEndpoint createEndpoint(XAResource xaResource, long timeout)
      throws UnavailableException {
    return createEndpoint(xaResource);
  }

  @Override
  public boolean isDeliveryTransacted(Method method) {
    return false;
  }

  @Override
  public String getActivationName() {
    return "test/recording";
  }

  @Override
  public Class<?> getEndpointClass() {
    return EngineEventMessageListener.class;
  }
}
