/**
 * Who may request, approve, deny and cancel: {@link dev.rootbot.bot.approval.Approvals}, pure rules over
 * facts looked up at the edge.
 */
package dev.rootbot.bot.approval;
