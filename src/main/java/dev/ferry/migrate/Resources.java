package dev.ferry.migrate;

/**
 * An amount of CPU, memory and GPUs in whole units (millicores, MiB, devices), so that adding and subtracting
 * requests is exact and capacity is never over-committed by rounding. The one shape resources take from the models
 * to placement to the target Job's spec; other units (Peloton's cores and MB, Kubernetes quantities) are converted
 * to it where they are read.
 */
public record Resources(long milliCpu, long memoryMiB, int gpus) {

    public static final Resources NONE = new Resources(0, 0, 0);
    /** MiB in a GiB. */
    public static final long MIB_PER_GIB = 1024;

    public Resources {
        Checks.atLeast(milliCpu, 0, "milliCpu");
        Checks.atLeast(memoryMiB, 0, "memoryMiB");
        Checks.atLeast(gpus, 0, "gpus");
    }

    /** From cores and GiB, rounded to the nearest millicore and MiB. */
    public static Resources of(double cpus, double memoryGiB, int gpus) {
        return new Resources(Math.round(cpus * 1000), Math.round(memoryGiB * MIB_PER_GIB), gpus);
    }

    /** From millicores, whole GiB and GPUs. */
    public static Resources ofGiB(long milliCpu, long memoryGiB, int gpus) {
        return new Resources(milliCpu, Math.multiplyExact(memoryGiB, MIB_PER_GIB), gpus);
    }

    /** Whether this amount fits within {@code available} in every dimension. */
    public boolean fitsIn(Resources available) {
        return milliCpu <= available.milliCpu && memoryMiB <= available.memoryMiB && gpus <= available.gpus;
    }

    /** This amount and {@code r} together. */
    public Resources plus(Resources r) {
        return new Resources(milliCpu + r.milliCpu, memoryMiB + r.memoryMiB, gpus + r.gpus);
    }

    /** This amount less {@code r}; throws when {@code r} does not fit in it. */
    public Resources minus(Resources r) {
        if (!r.fitsIn(this)) {
            throw new IllegalArgumentException("cannot take " + r.describe() + " from " + describe());
        }
        return new Resources(milliCpu - r.milliCpu, memoryMiB - r.memoryMiB, gpus - r.gpus);
    }

    /** This amount less {@code r}, each dimension at least 0: what is left when {@code r} may over-commit it. */
    public Resources minusAtMost(Resources r) {
        return new Resources(Math.max(0, milliCpu - r.milliCpu), Math.max(0, memoryMiB - r.memoryMiB),
                Math.max(0, gpus - r.gpus));
    }

    /** This amount with its memory rounded up to whole GiB. */
    public Resources withMemoryInWholeGiB() {
        long gib = (memoryMiB + MIB_PER_GIB - 1) / MIB_PER_GIB;
        return new Resources(milliCpu, gib * MIB_PER_GIB, gpus);
    }

    /** For people: {@code 4 CPU, 16 GiB, 1 GPU}; {@code 1500m CPU, 512 MiB, 0 GPUs}. */
    public String describe() {
        return cpuText(milliCpu) + ", " + memoryText(memoryMiB) + ", " + gpuText(gpus);
    }

    /** {@code 4 CPU} or {@code 1500m CPU}. */
    public static String cpuText(long milliCpu) {
        return milliCpu % 1000 == 0 ? (milliCpu / 1000) + " CPU" : milliCpu + "m CPU";
    }

    /** {@code 16 GiB} or {@code 512 MiB}. */
    public static String memoryText(long memoryMiB) {
        return memoryMiB % MIB_PER_GIB == 0 ? (memoryMiB / MIB_PER_GIB) + " GiB" : memoryMiB + " MiB";
    }

    /** {@code 1 GPU} or {@code 2 GPUs}. */
    public static String gpuText(int gpus) {
        return gpus + (gpus == 1 ? " GPU" : " GPUs");
    }
}
