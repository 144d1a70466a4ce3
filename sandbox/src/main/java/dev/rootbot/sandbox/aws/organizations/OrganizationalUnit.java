package dev.rootbot.sandbox.aws.organizations;

/** An organizational unit; its parent is the root or another OU. */
public record OrganizationalUnit(String id, String name, String parentId) {}
