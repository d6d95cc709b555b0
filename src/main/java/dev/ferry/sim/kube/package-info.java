/**
 * The Kubernetes side of the simulation: per cluster, a fake kubelet on virtual time over a fabric8 CRUD mock server
 * that gives Ferry's Jobs their pods, places them within node capacity, starts them after sampled latencies and
 * loses nodes, and an API server in front of the mock that injects faults and counts writes.
 */
package dev.ferry.sim.kube;
