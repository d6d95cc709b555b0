/**
 * The source orchestrator as the migration scheduler sees it: Peloton sessions as stateless jobs with
 * one task, their states, resources and user activity, and the stop/start calls a migration needs.
 */
package dev.ferry.cluster.peloton;
