package dev.rootbot.sandbox.aws.organizations;

import java.time.Instant;

/** A member account registered as delegated administrator for one service principal. */
public record DelegatedAdministrator(String accountId, String servicePrincipal, Instant since) {}
