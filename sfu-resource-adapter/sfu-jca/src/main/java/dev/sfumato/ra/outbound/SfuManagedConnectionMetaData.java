package dev.sfumato.ra.outbound;

import jakarta.resource.spi.ManagedConnectionMetaData;

/** Describes the "EIS", which is the in-process media engine. */
final class SfuManagedConnectionMetaData implements ManagedConnectionMetaData {

  @Override
  public String getEISProductName() {
    return "Sfumato media engine";
  }

  @Override
  public String getEISProductVersion() {
    String version = getClass().getPackage().getImplementationVersion();
    return version != null ? version : "development";
  }

  /** 0: no limit; a connection is a handle on an in-process engine. */
  @Override
  public int getMaxConnections() {
    return 0;
  }

  @Override
  public String getUserName() {
    return "";
  }
}
