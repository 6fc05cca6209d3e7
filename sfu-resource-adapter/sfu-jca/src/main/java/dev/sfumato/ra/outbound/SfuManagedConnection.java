package dev.sfumato.ra.outbound;

import dev.sfumato.ra.SfuResourceAdapter;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;

/**
 * A pooled "physical" connection. The engine is in-process, so there is nothing physical: the
 * managed connection only tracks its handles and tells the container when they close.
 */
final class SfuManagedConnection implements ManagedConnection {

  private final SfuManagedConnectionFactory factory;
  private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
  private final Set<SfuConnectionHandle> handles = ConcurrentHashMap.newKeySet();
  private volatile boolean destroyed;
  private PrintWriter logWriter;

  SfuManagedConnection(SfuManagedConnectionFactory factory) {
    this.factory = factory;
  }

  SfuManagedConnectionFactory factory() {
    return factory;
  }

  SfuResourceAdapter adapter() {
    return factory.adapter();
  }

  boolean isDestroyed() {
    return destroyed;
  }

  @Override
  public Object getConnection(Subject subject, ConnectionRequestInfo info)
      throws ResourceException {
    if (destroyed) {
      throw new jakarta.resource.spi.IllegalStateException("managed connection destroyed");
    }
    SfuConnectionHandle handle = new SfuConnectionHandle(this);
    handles.add(handle);
    return handle;
  }

  @Override
  public void associateConnection(Object connection) throws ResourceException {
    if (!(connection instanceof SfuConnectionHandle)) {
      throw new ResourceException("not a Sfumato connection handle: " + connection);
    }
    SfuConnectionHandle handle = (SfuConnectionHandle) connection;
    SfuManagedConnection previous = handle.reassociate(this);
    if (previous != null && previous != this) {
      previous.handles.remove(handle);
    }
    handles.add(handle);
  }

  /** Called by a handle's close(): the container may return this connection to its pool. */
  void handleClosed(SfuConnectionHandle handle) {
    handles.remove(handle);
    ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
    event.setConnectionHandle(handle);
    for (ConnectionEventListener listener : listeners) {
      listener.connectionClosed(event);
    }
  }

  @Override
  public void cleanup() {
    for (SfuConnectionHandle handle : handles) {
      handle.invalidate();
    }
    handles.clear();
  }

  @Override
  public void destroy() {
    cleanup();
    destroyed = true;
    listeners.clear();
  }

  @Override
  public void addConnectionEventListener(ConnectionEventListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeConnectionEventListener(ConnectionEventListener listener) {
    listeners.remove(listener);
  }

  @Override
  public XAResource getXAResource() throws ResourceException {
    throw new NotSupportedException("the media engine is not transactional");
  }

  @Override
  public LocalTransaction getLocalTransaction() throws ResourceException {
    throw new NotSupportedException("the media engine is not transactional");
  }

  @Override
  public ManagedConnectionMetaData getMetaData() {
    return new SfuManagedConnectionMetaData();
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }
}
