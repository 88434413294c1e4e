package edu.mlcourse.hw5.checker.checks;

import edu.mlcourse.hw5.contract.Q1Function;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Names one check (a vector case, or a gradient-check trial) across the JUnit boundary: it is the
 * test source URI of the dynamic test that runs it, so the listener can score it.
 *
 * @param function the function checked
 * @param kind outputs against vectors, or gradient by finite differences
 * @param set the vector set ({@code public}, {@code hidden}); {@link #GRADIENT_SET} for gradient trials
 * @param name the case name, or {@code trial-1}...
 */
public record CheckId(Q1Function function, Kind kind, String set, String name) {
    public static final String SCHEME = "hw5-check";
    public static final String GRADIENT_SET = "gradient";

    /** The two kinds of check. */
    public enum Kind { OUTPUTS, GRADIENT }

    public URI toUri() {
        return URI.create(SCHEME + ":" + function.methodName() + "/" + kind.name().toLowerCase(java.util.Locale.ROOT)
                + "/" + encode(set) + "/" + encode(name));
    }

    public static Optional<CheckId> fromUri(URI uri) {
        if (uri == null || !SCHEME.equals(uri.getScheme())) {
            return Optional.empty();
        }
        String[] parts = uri.getRawSchemeSpecificPart().split("/", 4);
        if (parts.length != 4) {
            return Optional.empty();
        }
        return Q1Function.byMethodName(parts[0]).map(f -> new CheckId(f,
                Kind.valueOf(parts[1].toUpperCase(java.util.Locale.ROOT)), decode(parts[2]), decode(parts[3])));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
