package dev.rootbot.sandbox.slack;

import java.time.Clock;

/** The workspace's internal parts, built once and shared by the Web API, the sender and the people in it. */
record Parts(Directory directory, WorkspaceState state, Ids ids, Clock clock, Triggers triggers,
    ResponseUrls responseUrls, MessageResponses responses, ChatMethods chat, ViewMethods views, Payloads payloads,
    Dispatcher dispatcher) {}
