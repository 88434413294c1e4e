package edu.mlcourse.hw5.contract;

/** The two array shapes that cross the Q1 interface. */
public enum Rank {
    /** {@code double[][]}, row-major: {@code a[row][column]}. */
    MATRIX(double[][].class),
    /** {@code double[]}. */
    VECTOR(double[].class);

    private final Class<?> javaType;

    Rank(Class<?> javaType) {
        this.javaType = javaType;
    }

    public Class<?> javaType() {
        return javaType;
    }

    /** The type as it is written in Java source: {@code double[][]} or {@code double[]}. */
    public String javaName() {
        return javaType.getSimpleName();
    }
}
