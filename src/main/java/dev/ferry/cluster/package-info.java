/**
 * Adapters to the orchestrators sessions run on: {@code kube} for the Kubernetes federation (fabric8),
 * and the source orchestrator behind its own interface. Thin: decisions live in {@code dev.ferry.migrate}.
 */
package dev.ferry.cluster;
