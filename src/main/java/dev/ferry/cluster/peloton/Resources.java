package dev.ferry.cluster.peloton;

/**
 * What a session's container asks for, named after Peloton's {@code pod.ResourceSpec}
 * ({@code cpu_limit}, {@code mem_limit_mb}, {@code disk_limit_mb}, {@code gpu_limit}); GPUs are
 * whole devices here because Kubernetes schedules them that way.
 */
public record Resources(double cpuLimit, long memLimitMb, long diskLimitMb, int gpuLimit) {

    public Resources {
        if (!(cpuLimit >= 0) || memLimitMb < 0 || diskLimitMb < 0 || gpuLimit < 0) {
            throw new IllegalArgumentException("resources must be non-negative: cpu " + cpuLimit + ", mem "
                    + memLimitMb + " MB, disk " + diskLimitMb + " MB, gpu " + gpuLimit);
        }
    }

    /**
     * The same in Ferry's units: CPU rounded to the nearest millicore, memory in MiB (Peloton's MB are MiB), GPUs;
     * Peloton's disk limit has no counterpart.
     */
    public dev.ferry.migrate.Resources toResources() {
        return new dev.ferry.migrate.Resources(Math.round(cpuLimit * 1000), memLimitMb, gpuLimit);
    }

    /** {@code r} in Peloton's units (cores, MB), without a disk limit. */
    public static Resources of(dev.ferry.migrate.Resources r) {
        return new Resources(r.milliCpu() / 1000.0, r.memoryMiB(), 0, r.gpus());
    }

    /** CPU and memory only, no disk limit and no GPU. */
    public static Resources of(double cpuLimit, long memLimitMb) {
        return new Resources(cpuLimit, memLimitMb, 0, 0);
    }
}
