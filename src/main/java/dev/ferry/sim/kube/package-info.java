/**
 * The Kubernetes side of the simulation: a fake kubelet per cluster that, on virtual time and over a fabric8 CRUD
 * mock server, gives Ferry's Jobs their pods, enforces node capacity, starts pods after sampled latencies and loses
 * nodes.
 */
package dev.ferry.sim.kube;
