package edu.mlcourse.hw5.contract;

import java.util.Objects;

/** A named argument or output of a Q1 function, such as {@code double[][] x}. */
public record Param(String name, Rank rank) {
    public Param {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rank, "rank");
    }

    static Param matrix(String name) {
        return new Param(name, Rank.MATRIX);
    }

    static Param vector(String name) {
        return new Param(name, Rank.VECTOR);
    }

    /** The name in the Python edition: {@code dx}, {@code dw} where Java says {@code dX}, {@code dW}. */
    public String pythonName() {
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return rank.javaName() + " " + name;
    }
}
