package edu.mlcourse.hw5.files;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Where a class was loaded from: the jar, or the classes folder of a Maven build. */
public final class CodeLocation {
    private CodeLocation() {
    }

    public static Path of(Class<?> anchor) {
        try {
            return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + anchor, e);
        }
    }
}
