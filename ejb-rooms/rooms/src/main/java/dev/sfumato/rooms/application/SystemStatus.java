package dev.sfumato.rooms.application;

import dev.sfumato.engine.api.EngineDump;
import dev.sfumato.rooms.engine.EngineGateway;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** What the health checks ask: can we reach the database, and are the media workers bound. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SystemStatus {
  /** Seconds a health probe waits for the database to answer. */
  private static final int DATABASE_PROBE_SECONDS = 2;

  @Resource(lookup = "jdbc/sfumato")
  private DataSource dataSource;

  @EJB private EngineGateway engine;

  /** Empty when the database answers, else why not. */
  public Optional<String> databaseProblem() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(DATABASE_PROBE_SECONDS)
          ? Optional.empty()
          : Optional.of("connection not valid");
    } catch (SQLException e) {
      return Optional.of(e.getMessage());
    }
  }

  public EngineDump engineDump() {
    return engine.dump();
  }
}
