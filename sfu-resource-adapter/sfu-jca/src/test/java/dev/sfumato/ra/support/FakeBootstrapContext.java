package dev.sfumato.ra.support;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.XATerminator;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Timer;

public final class FakeBootstrapContext implements BootstrapContext {

  public final FakeWorkManager workManager = new FakeWorkManager();

  @Override
  public WorkManager getWorkManager() {
    return workManager;
  }

  @Override
  public XATerminator getXATerminator() {
    return null;
  }

  @Override
  public Timer createTimer() {
    return new Timer("fake-bootstrap-timer", true);
  }

  @Override
  public boolean isContextSupported(Class<? extends WorkContext> workContextClass) {
    return false;
  }

  @Override
  public TransactionSynchronizationRegistry getTransactionSynchronizationRegistry() {
    return null;
  }
}
