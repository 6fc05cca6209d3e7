package dev.sfumato.ra.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;

/** The non-managed case: no pool; a managed connection lives exactly as long as its handle. */
final class DirectConnectionManager implements ConnectionManager {

  private static final long serialVersionUID = 1L;

  @Override
  public Object allocateConnection(ManagedConnectionFactory factory, ConnectionRequestInfo info)
      throws ResourceException {
    ManagedConnection connection = factory.createManagedConnection(null, info);
    connection.addConnectionEventListener(new DestroyOnClose(connection));
    return connection.getConnection(null, info);
  }

  private record DestroyOnClose(ManagedConnection connection) implements ConnectionEventListener {
    @Override
    public void connectionClosed(ConnectionEvent event) {
      try {
        connection.destroy();
      } catch (ResourceException e) {
        // nothing physical to leak
      }
    }

    @Override
    public void localTransactionStarted(ConnectionEvent event) {}

    @Override
    public void localTransactionCommitted(ConnectionEvent event) {}

    @Override
    public void localTransactionRolledback(ConnectionEvent event) {}

    @Override
    public void connectionErrorOccurred(ConnectionEvent event) {
      connectionClosed(event);
    }
  }
}
