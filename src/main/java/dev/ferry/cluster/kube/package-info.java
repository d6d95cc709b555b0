/**
 * Sessions as Kubernetes Jobs: the spec, the Job manifest, the migration state kept in the Job's annotations,
 * and a thin adapter over one cluster's fabric8 client that reports API errors and conflicts as values.
 */
package dev.ferry.cluster.kube;
