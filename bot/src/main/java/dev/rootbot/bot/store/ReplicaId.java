package dev.rootbot.bot.store;

import java.util.Objects;

/**
 * One running Rootbot process among those sharing a store: its name in logs, leases and claims
 * ({@code ROOTBOT_REPLICA_ID}, by default the host name and process ID).
 */
public record ReplicaId(String value) {
  public ReplicaId {
    Objects.requireNonNull(value, "value");
    if (!value.matches("[A-Za-z0-9._:@-]{1,100}")) {
      throw new IllegalArgumentException("a replica ID is 1 to 100 letters, digits and . _ : @ -; got \"" + value + "\"");
    }
  }

  /** The default: this host's name and this process's ID, e.g. {@code ip-10-0-1-7-4127}. */
  public static ReplicaId ofThisProcess(String hostName) {
    String host = hostName == null || hostName.isBlank() ? "rootbot" : hostName.replaceAll("[^A-Za-z0-9._-]", "-");
    if (host.length() > 80) {
      host = host.substring(0, 80);
    }
    return new ReplicaId(host + "-" + ProcessHandle.current().pid());
  }

  @Override
  public String toString() {
    return value;
  }
}
