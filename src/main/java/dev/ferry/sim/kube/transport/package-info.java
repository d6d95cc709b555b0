/**
 * An in-process transport for fabric8 clients: each request goes straight to a mock API server's dispatcher on the
 * calling thread, and each watch is a socket pair in memory, so a simulated cluster answers without HTTP or sockets.
 */
package dev.ferry.sim.kube.transport;
