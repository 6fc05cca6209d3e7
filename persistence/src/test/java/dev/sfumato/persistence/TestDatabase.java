package dev.sfumato.persistence;

import javax.sql.DataSource;

/** A database a test class owns for its lifetime; closing it throws its contents away. */
public interface TestDatabase extends AutoCloseable {

  DataSource dataSource();

  @Override
  void close() throws Exception;
}
