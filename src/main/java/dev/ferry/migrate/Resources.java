package dev.ferry.migrate;

/**
 * An amount of CPU, memory and GPUs in whole units (millicores, MiB), so that adding and subtracting
 * requests is exact and capacity is never over-committed by rounding.
 */
public record Resources(long milliCpu, long memoryMiB, int gpus) {

    public static final Resources NONE = new Resources(0, 0, 0);

    public Resources {
        Checks.atLeast(milliCpu, 0, "milliCpu");
        Checks.atLeast(memoryMiB, 0, "memoryMiB");
        Checks.atLeast(gpus, 0, "gpus");
    }

    /** From cores and GiB, rounded to the nearest millicore and MiB. */
    public static Resources of(double cpus, double memoryGiB, int gpus) {
        return new Resources(Math.round(cpus * 1000), Math.round(memoryGiB * 1024), gpus);
    }

    /** Whether this amount fits within {@code available} in every dimension. */
    public boolean fitsIn(Resources available) {
        return milliCpu <= available.milliCpu && memoryMiB <= available.memoryMiB && gpus <= available.gpus;
    }

    /** This amount less {@code r}; throws when {@code r} does not fit in it. */
    public Resources minus(Resources r) {
        if (!r.fitsIn(this)) {
            throw new IllegalArgumentException("cannot take " + r.describe() + " from " + describe());
        }
        return new Resources(milliCpu - r.milliCpu, memoryMiB - r.memoryMiB, gpus - r.gpus);
    }

    /** For people: {@code 4 CPU, 16 GiB, 1 GPU}; {@code 1500m CPU, 512 MiB, 0 GPUs}. */
    public String describe() {
        return cpuText(milliCpu) + ", " + memoryText(memoryMiB) + ", " + gpuText(gpus);
    }

    static String cpuText(long milliCpu) {
        return milliCpu % 1000 == 0 ? (milliCpu / 1000) + " CPU" : milliCpu + "m CPU";
    }

    static String memoryText(long memoryMiB) {
        return memoryMiB % 1024 == 0 ? (memoryMiB / 1024) + " GiB" : memoryMiB + " MiB";
    }

    static String gpuText(int gpus) {
        return gpus + (gpus == 1 ? " GPU" : " GPUs");
    }
}
