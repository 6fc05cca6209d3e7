package dev.sfumato.persistence;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Opens the production persistence unit {@code sfumato} outside a container: resource-local over a
 * given data source instead of JTA over {@code jdbc/sfumato}, and with {@code
 * hibernate.hbm2ddl.auto=validate} so that opening it fails if the mapping and the migrated schema
 * disagree.
 */
public final class TestPersistence {

  public static final String UNIT = "sfumato";

  private TestPersistence() {}

  public static EntityManagerFactory open(DataSource dataSource) {
    Map<String, Object> overrides = new HashMap<>();
    overrides.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
    overrides.put("jakarta.persistence.jtaDataSource", null); // no JNDI here
    overrides.put("jakarta.persistence.nonJtaDataSource", dataSource);
    overrides.put("hibernate.hbm2ddl.auto", "validate");
    overrides.put("hibernate.generate_statistics", "true");
    return Persistence.createEntityManagerFactory(UNIT, overrides);
  }
}
