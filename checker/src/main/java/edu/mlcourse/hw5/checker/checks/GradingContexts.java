package edu.mlcourse.hw5.checker.checks;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands a {@link GradingContext} to the JUnit tests the Launcher runs. Configuration parameters
 * are strings, so the launcher passes a key ({@link #PARAMETER}) and the tests look it up here.
 * Keys are unique, so submissions graded in parallel never see each other's context.
 */
public final class GradingContexts {
    /** The Launcher configuration parameter that carries the key. */
    public static final String PARAMETER = "hw5.grading.context";

    private static final Map<String, GradingContext> CONTEXTS = new ConcurrentHashMap<>();

    private GradingContexts() {
    }

    /** Registers a context until the returned registration is closed. */
    public static Registration register(GradingContext context) {
        String key = UUID.randomUUID().toString();
        CONTEXTS.put(key, context);
        return new Registration(key);
    }

    static Optional<GradingContext> lookup(String key) {
        return Optional.ofNullable(CONTEXTS.get(key));
    }

    /** A registered context's key; closing it unregisters the context. */
    public record Registration(String key) implements AutoCloseable {
        @Override
        public void close() {
            CONTEXTS.remove(key);
        }
    }
}
