/** Signature Version 4, recomputed on the server side to verify what clients signed. */
package dev.rootbot.sandbox.aws.sigv4;
