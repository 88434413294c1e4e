package edu.mlcourse.hw5.checker.report;

/** How points are reported. */
public final class Points {
    private Points() {
    }

    /**
     * Points to four decimals: shares of a rubric entry (5 points over 7 cases) are not exact, and
     * a score reads better as 5.0 than as 4.999999999999999.
     */
    public static double round(double points) {
        return Math.round(points * 10_000) / 10_000.0;
    }
}
