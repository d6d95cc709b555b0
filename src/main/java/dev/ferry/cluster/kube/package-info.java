/**
 * The scheduler's target clusters on Kubernetes ({@code KubeTargets}), reached through a kubeconfig's contexts
 * ({@code KubeconfigFederation}): a session spec as a Job manifest, the migration record in the Job's annotations,
 * and a thin adapter over one cluster's fabric8 client that reports API errors and conflicts as values.
 */
package dev.ferry.cluster.kube;
