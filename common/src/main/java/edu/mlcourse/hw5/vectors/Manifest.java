package edu.mlcourse.hw5.vectors;

import java.util.SortedMap;

/**
 * {@code manifest.json} of one vector set: who made it, from which seed, and the SHA-256 of each
 * file, so that a file edited or damaged by hand is refused instead of grading against it.
 *
 * @param format always {@link #FORMAT}
 * @param set the set's name
 * @param generatorVersion the version of the generator that wrote the files
 * @param seed the seed the generator was given
 * @param files file name to lower-case hex SHA-256
 */
public record Manifest(String format, String set, String generatorVersion, long seed,
                       SortedMap<String, String> files) {
    public static final String FORMAT = "hw5-vectors-manifest/1";
    public static final String FILE_NAME = "manifest.json";
}
