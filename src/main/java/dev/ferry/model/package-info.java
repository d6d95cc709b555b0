/**
 * Stochastic models of the simulated world: sessions, users' activity, pip behaviour and restarts.
 * Parameters come from the top-level {@code model/} folder, each with its provenance.
 */
package dev.ferry.model;
