package edu.mlcourse.hw5.checker.edition.java.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * Serves the submission's sources as javac's source path, by the package each declares rather than
 * by folder, and keeps the class files javac writes in memory. Students upload flat folders, so a
 * helper class of package {@code hw5} is found wherever it lies.
 */
final class SubmissionFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
    private final List<SourceFile> sources;
    private final List<ClassBytes> outputs = new ArrayList<>();

    SubmissionFileManager(StandardJavaFileManager standard, List<SourceFile> sources) {
        super(standard);
        this.sources = sources;
    }

    List<ClassBytes> outputs() {
        return outputs;
    }

    @Override
    public boolean hasLocation(Location location) {
        return location == StandardLocation.SOURCE_PATH || super.hasLocation(location);
    }

    @Override
    public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds,
                                         boolean recurse) throws java.io.IOException {
        if (location != StandardLocation.SOURCE_PATH) {
            return super.list(location, packageName, kinds, recurse);
        }
        List<JavaFileObject> found = new ArrayList<>();
        if (kinds.contains(JavaFileObject.Kind.SOURCE)) {
            for (SourceFile source : sources) {
                String pkg = source.packageName();
                if (pkg.equals(packageName) || (recurse && pkg.startsWith(packageName + "."))) {
                    found.add(source);
                }
            }
        }
        return found;
    }

    @Override
    public String inferBinaryName(Location location, JavaFileObject file) {
        if (file instanceof SourceFile source) {
            return source.binaryName();
        }
        return super.inferBinaryName(location, file);
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
        if (a instanceof SourceFile || b instanceof SourceFile) {
            return a == b;
        }
        return super.isSameFile(a, b);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                               FileObject sibling) {
        ClassBytes output = new ClassBytes(className);
        outputs.add(output);
        return output;
    }

    @Override
    public JavaFileObject getJavaFileForInput(Location location, String className, JavaFileObject.Kind kind)
            throws java.io.IOException {
        if (location == StandardLocation.SOURCE_PATH) {
            for (SourceFile source : sources) {
                if (source.binaryName().equals(className)) {
                    return source;
                }
            }
            return null;
        }
        return super.getJavaFileForInput(location, className, kind);
    }

}
