package dev.sfumato.ra.outbound;

import dev.sfumato.ra.SfuResourceAdapter;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.io.PrintWriter;
import java.util.Set;
import javax.security.auth.Subject;

/**
 * Makes managed connections to the one media engine of the associated resource adapter. There is no
 * per-connection state worth pooling apart (no credentials, no transactions), so any managed
 * connection of this factory matches any request.
 */
public class SfuManagedConnectionFactory
    implements ManagedConnectionFactory, ResourceAdapterAssociation {

  private static final long serialVersionUID = 1L;

  private transient SfuResourceAdapter resourceAdapter;
  private transient PrintWriter logWriter;

  @Override
  public Object createConnectionFactory(ConnectionManager connectionManager) {
    return new SfuConnectionFactoryImpl(this, connectionManager);
  }

  /** Non-managed use (outside a container), e.g. a plain Java client or a test. */
  @Override
  public Object createConnectionFactory() {
    return new SfuConnectionFactoryImpl(this, new DirectConnectionManager());
  }

  @Override
  public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info)
      throws ResourceException {
    if (resourceAdapter == null) {
      throw new ResourceException("connection factory is not associated with the Sfumato adapter");
    }
    return new SfuManagedConnection(this);
  }

  @Override
  @SuppressWarnings("rawtypes")
  public ManagedConnection matchManagedConnections(
      Set connections, Subject subject, ConnectionRequestInfo info) {
    for (Object candidate : connections) {
      if (candidate instanceof SfuManagedConnection connection
          && connection.factory() == this
          && !connection.isDestroyed()) {
        return connection;
      }
    }
    return null;
  }

  SfuResourceAdapter adapter() {
    return resourceAdapter;
  }

  @Override
  public ResourceAdapter getResourceAdapter() {
    return resourceAdapter;
  }

  @Override
  public void setResourceAdapter(ResourceAdapter adapter) throws ResourceException {
    if (!(adapter instanceof SfuResourceAdapter)) {
      throw new ResourceException("not the Sfumato resource adapter: " + adapter);
    }
    this.resourceAdapter = (SfuResourceAdapter) adapter;
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  /** No configuration properties: every instance is configured alike (JCA 2.1 §6.5.3.2). */
  @Override
  public boolean equals(Object other) {
    return other != null && other.getClass() == getClass();
  }

  @Override
  public int hashCode() {
    return getClass().hashCode();
  }
}
