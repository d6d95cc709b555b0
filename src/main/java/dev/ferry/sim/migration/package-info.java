/**
 * The migration in the simulation: the real {@link dev.ferry.migrate.reconcile.MigrationScheduler} on the sessions'
 * kernel against fabric8 CRUD mock servers, fake kubelets and a fake Peloton, and the disruption it causes.
 */
package dev.ferry.sim.migration;
