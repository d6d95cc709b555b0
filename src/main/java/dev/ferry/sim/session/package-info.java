/**
 * One simulated session: its container, environment and the real tracker inside it, the user's
 * package commands at file-event granularity, restarts, and what all that measures.
 */
package dev.ferry.sim.session;
