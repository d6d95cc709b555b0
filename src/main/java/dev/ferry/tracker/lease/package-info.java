/**
 * The in-session agent that keeps the session's lease with the control plane and fences the instance (stops its
 * kernels, stops writing the home) when it cannot renew within the TTL; on the injected clock and timer.
 */
package dev.ferry.tracker.lease;
