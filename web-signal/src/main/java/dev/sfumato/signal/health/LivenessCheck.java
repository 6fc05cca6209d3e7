package dev.sfumato.signal.health;

import dev.sfumato.engine.api.EngineDump;
import dev.sfumato.engine.api.WorkerDump;
import dev.sfumato.rooms.application.SystemStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live means every media worker's loop still runs and answers commands; a dead loop is a reason to
 * restart the server. The database is not part of liveness: an outage there is not cured by a
 * restart.
 */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {
  @EJB private SystemStatus status;

  @Override
  public HealthCheckResponse call() {
    try {
      EngineDump dump = status.engineDump();
      boolean running = dump.workers().stream().allMatch(WorkerDump::running);
      return HealthCheckResponse.named("media-workers")
          .withData("workers", dump.workers().size())
          .status(running && !dump.workers().isEmpty())
          .build();
    } catch (RuntimeException e) {
      return HealthCheckResponse.named("media-workers")
          .withData("error", String.valueOf(e.getMessage()))
          .down()
          .build();
    }
  }
}
