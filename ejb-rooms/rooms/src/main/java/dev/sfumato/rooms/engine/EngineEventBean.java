package dev.sfumato.rooms.engine;

import dev.sfumato.engine.api.EngineEvent;
import dev.sfumato.ra.api.EngineEventMessageListener;
import dev.sfumato.rooms.live.LiveRooms;
import dev.sfumato.rooms.loopback.LoopbackSessions;
import dev.sfumato.rooms.webrtc.WebRtcSessions;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Receives the media engine's events through the resource adapter's inbound message listener. Bound
 * to the activation spec {@code sfumato/engine-events} in ibm-ejb-jar-bnd.xml.
 */
@MessageDriven(
    name = "EngineEventBean",
    messageListenerInterface = EngineEventMessageListener.class)
@TransactionManagement(TransactionManagementType.BEAN)
public class EngineEventBean implements EngineEventMessageListener {
  private static final Logger LOG = Logger.getLogger(EngineEventBean.class.getName());

  @EJB private EngineEventLog log;
  @EJB private WebRtcSessions sessions;
  @EJB private LiveRooms rooms;
  @EJB private LoopbackSessions loopbacks;

  @Override
  public void onEngineEvent(EngineEvent event) {
    LOG.fine(() -> "engine event " + event);
    try {
      dispatch(event);
    } catch (EJBException e) {
      // While the application stops, the engine still reports the transports and routers it
      // closes; the beans that would care are already gone.
      LOG.log(Level.FINE, "engine event " + event + " not delivered", e);
    }
  }

  private void dispatch(EngineEvent event) {
    if (event instanceof EngineEvent.SpeakersChanged speakers) {
      // Several a second while people talk: routed to the rooms, kept out of the event log.
      rooms.speakersChanged(speakers.router(), speakers.speakers());
      return;
    }
    if (dispatchData(event)) {
      return;
    }
    log.record(event);
    if (event instanceof EngineEvent.TransportClosed closed) {
      sessions.onTransportClosed(closed.transportId(), closed.reason());
      loopbacks.onTransportClosed(closed.transportId());
    } else if (event instanceof EngineEvent.DataProducerOpened opened
        && !loopbacks.dataProducerOpened(opened.info())) {
      rooms.dataProducerOpened(opened.info());
    } else if (event instanceof EngineEvent.DataProducerClosed closed) {
      rooms.dataProducerClosed(closed.dataProducerId(), closed.transportId());
    } else if (event instanceof EngineEvent.DataConsumerClosed closed) {
      rooms.dataConsumerClosed(closed.dataConsumerId(), closed.transportId());
    } else if (event instanceof EngineEvent.SctpStateChanged sctp) {
      rooms.sctpStateChanged(sctp.transportId(), sctp.state());
    }
  }

  /** Data messages: many a second, routed to the rooms and kept out of the event log. */
  private boolean dispatchData(EngineEvent event) {
    if (event instanceof EngineEvent.DataMessage m) {
      rooms.dataMessage(m.dataProducerId(), m.transportId(), m.binary(), m.payload());
      return true;
    }
    return false;
  }
}
