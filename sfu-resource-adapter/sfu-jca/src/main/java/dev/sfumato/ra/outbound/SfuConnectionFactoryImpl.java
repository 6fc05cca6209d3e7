package dev.sfumato.ra.outbound;

import dev.sfumato.ra.api.SfuConnection;
import dev.sfumato.ra.api.SfuConnectionFactory;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import javax.naming.Reference;

/** What the application finds in JNDI: asks the container's connection manager for handles. */
public final class SfuConnectionFactoryImpl implements SfuConnectionFactory {

  private static final long serialVersionUID = 1L;

  private final transient SfuManagedConnectionFactory managedFactory;
  private final transient ConnectionManager connectionManager;
  private Reference reference;

  SfuConnectionFactoryImpl(
      SfuManagedConnectionFactory managedFactory, ConnectionManager connectionManager) {
    this.managedFactory = managedFactory;
    this.connectionManager = connectionManager;
  }

  @Override
  public SfuConnection getConnection() throws ResourceException {
    return (SfuConnection) connectionManager.allocateConnection(managedFactory, null);
  }

  @Override
  public void setReference(Reference reference) {
    this.reference = reference;
  }

  @Override
  public Reference getReference() {
    return reference;
  }
}
