package edu.mlcourse.hw5.checker.submission;

/**
 * Bounds on what a zip submission may unpack to, checked on the bytes actually written (not the
 * sizes the zip declares), so a zip bomb stops at the limit.
 *
 * @param maxEntries files and folders together
 * @param maxTotalBytes all files together
 */
record UnpackLimits(int maxEntries, long maxTotalBytes) {
    /** Room for sources, a model file of a few million parameters and predictions. */
    public static final UnpackLimits DEFAULT = new UnpackLimits(2_000, 300L * 1024 * 1024);
}
