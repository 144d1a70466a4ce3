package dev.rootbot.sandbox.aws.organizations;

import java.util.Set;

/**
 * The organization's centralized root access features, {@code RootCredentialsManagement} and
 * {@code RootSessions}, for tests to turn off and on.
 */
public final class Features {
  private final Organization organization;

  public Features(Organization organization) {
    this.organization = organization;
  }

  public void enable(String feature) {
    organization.enableFeature(feature);
  }

  public void disable(String feature) {
    organization.disableFeature(feature);
  }

  public boolean isEnabled(String feature) {
    return organization.featureEnabled(feature);
  }

  public Set<String> enabled() {
    return organization.features();
  }
}
