/**
 * The control plane's HTTP/1.1 JSON API on Vert.x: routes, bearer-token authorisation, a concurrency limit that
 * answers 429, Prometheus metrics. Store calls run on Vert.x's worker pool, never on the event loop; the rules are
 * {@link dev.ferry.api.control.ControlPlane}'s.
 */
package dev.ferry.api.http;
