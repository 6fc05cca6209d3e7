package dev.sfumato.signal.health;

import dev.sfumato.engine.api.EngineDump;
import dev.sfumato.rooms.application.SystemStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready means: the database answers and every media worker holds its socket. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
  @EJB private SystemStatus status;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder b = HealthCheckResponse.named("sfumato");
    Optional<String> db = status.databaseProblem();
    b.withData("database", db.orElse("ok"));
    boolean mediaBound;
    try {
      EngineDump dump = status.engineDump();
      mediaBound = dump.allWorkersBound();
      b.withData("mediaWorkers", dump.workers().size());
      dump.workers().forEach(w -> b.withData("worker-" + w.workerId(), w.localAddress()));
    } catch (RuntimeException e) {
      mediaBound = false;
      b.withData("media", "unavailable: " + e.getMessage());
    }
    return b.status(db.isEmpty() && mediaBound).build();
  }
}
