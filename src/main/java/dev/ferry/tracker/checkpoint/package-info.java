/**
 * The durable record of what a user did to their environments: a versioned, self-checking,
 * human-readable file holding each environment's baseline and the difference against it.
 */
package dev.ferry.tracker.checkpoint;
