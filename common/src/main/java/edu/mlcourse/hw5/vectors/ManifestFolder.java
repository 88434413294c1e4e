package edu.mlcourse.hw5.vectors;

import edu.mlcourse.hw5.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * A folder whose {@code manifest.json} ({@link Manifest}) lists the SHA-256 of each file it
 * vouches for. Test-vector sets and the held-out data are both written and verified here, so that
 * a file edited or damaged by hand is refused the same way wherever it is used.
 *
 * <pre>{@code
 * ManifestFolder set = ManifestFolder.open(folder, "Restore it from git.", CourseDataException::new);
 * Path labels = set.verified("labels-idx1-ubyte");
 * }</pre>
 */
public final class ManifestFolder {
    private final Path folder;
    private final Manifest manifest;
    private final String remedy;
    private final BiFunction<String, Throwable, ? extends RuntimeException> failure;

    private ManifestFolder(Path folder, Manifest manifest, String remedy,
                           BiFunction<String, Throwable, ? extends RuntimeException> failure) {
        this.folder = folder;
        this.manifest = manifest;
        this.remedy = remedy;
        this.failure = failure;
    }

    /**
     * Reads and checks {@code folder/manifest.json}; the files are checked one by one, by
     * {@link #verified}.
     *
     * @param remedy what to do about any problem, appended to every message
     * @param failure makes the exception thrown from a message and a cause (which may be null)
     */
    public static ManifestFolder open(Path folder, String remedy,
                                      BiFunction<String, Throwable, ? extends RuntimeException> failure) {
        Objects.requireNonNull(folder, "folder");
        Path file = folder.resolve(Manifest.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw failure.apply(folder + ": " + Manifest.FILE_NAME + " is missing, so nothing there can be"
                    + " verified. " + remedy, null);
        }
        Manifest manifest;
        try {
            manifest = Json.mapper().readValue(Files.readAllBytes(file), Manifest.class);
        } catch (IOException e) {
            throw failure.apply(file + " is not a valid manifest: " + Json.describe(e) + ". " + remedy, e);
        }
        if (!Manifest.FORMAT.equals(manifest.format()) || manifest.files() == null || manifest.set() == null) {
            throw failure.apply(file + " is not a " + Manifest.FORMAT + " manifest. " + remedy, null);
        }
        return new ManifestFolder(folder, manifest, remedy, failure);
    }

    public Manifest manifest() {
        return manifest;
    }

    /** This folder, after checking that its manifest names {@code set}, so that folders cannot be swapped. */
    public ManifestFolder requireSet(String set) {
        if (!set.equals(manifest.set())) {
            throw failure.apply(folder.resolve(Manifest.FILE_NAME) + " describes the set \"" + manifest.set()
                    + "\", not \"" + set + "\": this is the wrong folder. " + remedy, null);
        }
        return this;
    }

    /** {@code folder/name}, after checking that the manifest lists it and that its SHA-256 matches. */
    public Path verified(String name) {
        String expected = manifest.files().get(name);
        if (expected == null) {
            throw failure.apply(folder.resolve(Manifest.FILE_NAME) + " lists no " + name + ". " + remedy, null);
        }
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw failure.apply(file + " is listed in the manifest but missing. " + remedy, null);
        }
        String actual = Sha256.of(file);
        if (!actual.equalsIgnoreCase(expected)) {
            throw failure.apply("Checksum mismatch for " + file + ": the manifest says SHA-256 " + expected
                    + " but the file has " + actual + ". The file was edited or damaged; files that do not match"
                    + " are never used. " + remedy, null);
        }
        return file;
    }

    /**
     * Writes {@code folder/manifest.json} listing the SHA-256 of each named file, as it is now in
     * the folder, replacing any manifest there.
     *
     * @return the manifest written
     */
    public static Manifest write(Path folder, String set, String generatorVersion, long seed, List<String> fileNames)
            throws IOException {
        TreeMap<String, String> checksums = new TreeMap<>();
        for (String name : fileNames) {
            checksums.put(name, Sha256.of(folder.resolve(name)));
        }
        Manifest manifest = new Manifest(Manifest.FORMAT, set, generatorVersion, seed, checksums);
        Files.write(folder.resolve(Manifest.FILE_NAME), Json.prettyFileBytes(manifest));
        return manifest;
    }
}
