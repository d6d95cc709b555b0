/**
 * Adapters to the orchestrators sessions run on: {@code kube} implements the scheduler's target clusters over
 * fabric8, {@code peloton} its source orchestrator. Thin, and they translate at their edge: decisions and the types
 * they decide on live in {@code dev.ferry.migrate}, which never imports this package.
 */
package dev.ferry.cluster;
