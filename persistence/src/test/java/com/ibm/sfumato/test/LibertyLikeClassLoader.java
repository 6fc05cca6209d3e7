package com.ibm.sfumato.test;

/**
 * A plain delegating class loader whose only trait is its package: Flyway's {@code
 * ClassPathScanner} takes every loader whose class name starts with {@code com.ibm} for
 * WebSphere's, as Open Liberty's {@code AppClassLoader} is, and changes how it locates migrations.
 * Lives here (in the persistence module's tests only) so that {@code SchemaMigratorTest} can show
 * that difference without a Liberty server.
 */
public final class LibertyLikeClassLoader extends ClassLoader {

  public LibertyLikeClassLoader(ClassLoader parent) {
    super(parent);
  }
}
