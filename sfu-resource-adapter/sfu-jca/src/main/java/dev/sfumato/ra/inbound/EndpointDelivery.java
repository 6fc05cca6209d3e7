package dev.sfumato.ra.inbound;

import dev.sfumato.engine.api.EngineEvent;
import dev.sfumato.ra.api.EngineEventMessageListener;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One event to one message-driven bean: create an endpoint, call it, release it (JCA 2.1 §13.5).
 * Delivery is not transacted, so no before/afterDelivery.
 */
final class EndpointDelivery implements SerialDispatcher.Delivery<EngineEvent> {

  private static final Logger LOG = Logger.getLogger(EndpointDelivery.class.getName());

  private final MessageEndpointFactory factory;

  EndpointDelivery(MessageEndpointFactory factory) {
    this.factory = factory;
  }

  @Override
  public SerialDispatcher.Outcome deliver(EngineEvent event) {
    MessageEndpoint endpoint;
    try {
      endpoint = factory.createEndpoint(null);
    } catch (UnavailableException e) {
      // The bean's application may still be starting (the replay at activation races it).
      return SerialDispatcher.Outcome.RETRY;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, e, () -> "cannot create endpoint for " + event);
      return SerialDispatcher.Outcome.DONE;
    }
    try {
      ((EngineEventMessageListener) endpoint).onEngineEvent(event);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, e, () -> "message-driven bean failed on " + event);
    } finally {
      endpoint.release();
    }
    return SerialDispatcher.Outcome.DONE;
  }
}
