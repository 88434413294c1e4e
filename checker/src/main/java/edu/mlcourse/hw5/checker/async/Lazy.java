package edu.mlcourse.hw5.checker.async;

import java.util.function.Supplier;

/** A value computed on first use, once, whichever thread asks first. */
public final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> compute;
    private T value;

    private Lazy(Supplier<T> compute) {
        this.compute = compute;
    }

    public static <T> Lazy<T> of(Supplier<T> compute) {
        return new Lazy<>(compute);
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = compute.get();
        }
        return value;
    }
}
