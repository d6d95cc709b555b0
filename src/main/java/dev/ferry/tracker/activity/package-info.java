/**
 * Forwards the user's last activity, as the session's notebook server reports it, to the control plane: the idle
 * signal the migration scheduler waits on. On the injected clock and timer; the HTTP ends are in {@code api/client}.
 */
package dev.ferry.tracker.activity;
