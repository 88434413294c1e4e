package edu.mlcourse.hw5.checker.sandbox;

import java.time.Duration;

/**
 * What loading and running one student's model file may take: far more than Q1's checks, since
 * importing PyTorch alone takes about a second of CPU and a few hundred megabytes, and a model is
 * run on every held-out image under each input convention.
 *
 * @param cpu CPU time of the whole evaluation (the limit counts computing, see {@link CallLimit})
 * @param addressSpaceMegabytes the Python process's address space (PyTorch reserves much it never uses)
 */
public record ModelLimits(Duration cpu, int addressSpaceMegabytes) {
    /** A small CNN runs the 10,000 images in a few seconds per convention; a model 20 times slower still fits. */
    public static final ModelLimits DEFAULT = new ModelLimits(Duration.ofSeconds(120), 4096);

    public ModelLimits {
        if (cpu.isNegative() || cpu.isZero() || addressSpaceMegabytes < 512) {
            throw new IllegalArgumentException("a model needs a positive time limit and at least 512 MB");
        }
    }
}
