package dev.sfumato.rooms.application;

import dev.sfumato.persistence.SchemaMigrator;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Brings the database schema up to date before anything reads it. Bean-managed transactions: the
 * migration tool commits each step itself, which a container transaction would forbid.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {
  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = "jdbc/sfumato")
  private DataSource dataSource;

  @PostConstruct
  void migrate() {
    LOG.info(() -> "database schema: " + SchemaMigrator.migrate(dataSource));
  }
}
