package dev.rootbot.actions.trail;

import java.net.URI;

/** A place in CloudTrail where a root session's calls can be checked: a label for people, and the URL. */
public record TrailLink(String label, URI url) {}
