/**
 * Fits the pip model ({@code model/pip.yaml}) on recorded inotify traces: events attributed to the
 * distribution that wrote them, gaps classified by kind, maximum-likelihood estimates; and mirrors a
 * recorded trace's commands with synthetic ones, to check the model against the recording.
 */
package dev.ferry.sim.fit;
