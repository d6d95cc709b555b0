/**
 * Peloton as the scheduler's source orchestrator ({@link dev.ferry.cluster.peloton.PelotonSource}): its client's
 * view of sessions as stateless jobs with one task, their states, resources and user activity, and the stop/start
 * calls a migration needs, translated to the scheduler's terms at this edge.
 */
package dev.ferry.cluster.peloton;
