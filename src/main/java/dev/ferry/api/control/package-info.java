/**
 * The control plane's rules, on an injected clock and behind a {@link dev.ferry.api.control.SessionStore} port: which
 * checkpoint upload is kept, how activity and installs are recorded, and what the scheduler's barrier reads. No HTTP
 * and no SQL here.
 */
package dev.ferry.api.control;
