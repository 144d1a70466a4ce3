/** The AWS side of Rootbot: root tasks, root sessions, the organization, CloudTrail. */
package dev.rootbot.actions;
