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

    @Override
    public String toString() {
        return rank.javaName() + " " + name;
    }
}
