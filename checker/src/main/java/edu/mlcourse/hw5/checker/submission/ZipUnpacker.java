package edu.mlcourse.hw5.checker.submission;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unpacks a zip submission into a folder: never outside it (no {@code ../}, no absolute names),
 * never a symbolic link, within {@link UnpackLimits}.
 */
final class ZipUnpacker {
    private static final int SYMLINK_TYPE = 0120000;
    private static final int FILE_TYPE_MASK = 0170000;

    private ZipUnpacker() {
    }

    public static void unpack(Path zip, Path target, UnpackLimits limits) {
        Set<String> symlinks = symlinkEntries(zip);
        long written = 0;
        int entries = 0;
        Path root = target.toAbsolutePath().normalize();
        try (ZipFile file = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            var it = file.entries();
            while (it.hasMoreElements()) {
                ZipEntry entry = it.nextElement();
                if (++entries > limits.maxEntries()) {
                    throw new SubmissionException(zip.getFileName() + " has more than " + limits.maxEntries()
                            + " entries; submit only your sources and the Q2 files.");
                }
                String name = entry.getName();
                if (symlinks.contains(name)) {
                    throw new SubmissionException(zip.getFileName() + " contains a symbolic link (" + name
                            + "); links are refused. Zip the files themselves.");
                }
                Path out = root.resolve(name).normalize();
                if (name.startsWith("/") || name.contains("\\") || !out.startsWith(root) || out.equals(root)) {
                    throw new SubmissionException(zip.getFileName() + " has an entry whose path leaves the"
                            + " submission folder (" + name + "); such entries are refused.");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                written = copy(file, entry, out, written, limits, zip);
            }
        } catch (ZipException e) {
            throw new SubmissionException(zip.getFileName() + " is not a valid zip file (" + e.getMessage()
                    + "). Create it again from the folder that holds your files, e.g. with `zip -r submission.zip .`.", e);
        } catch (IOException e) {
            throw new SubmissionException("Could not unpack " + zip.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static long copy(ZipFile file, ZipEntry entry, Path out, long written, UnpackLimits limits, Path zip)
            throws IOException {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = file.getInputStream(entry);
             OutputStream sink = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                written += n;
                if (written > limits.maxTotalBytes()) {
                    throw new SubmissionException(zip.getFileName() + " unpacks to more than "
                            + limits.maxTotalBytes() / (1024 * 1024) + " MB; remove data sets and build output.");
                }
                sink.write(buffer, 0, n);
            }
        }
        return written;
    }

    /**
     * Names of entries that are symbolic links. java.util.zip hides the Unix mode, so read it
     * from the central directory: the upper 16 bits of each entry's external attributes.
     */
    static Set<String> symlinkEntries(Path zip) {
        Set<String> links = new HashSet<>();
        try (FileChannel channel = FileChannel.open(zip)) {
            long size = channel.size();
            int tail = (int) Math.min(size, 65_557);
            ByteBuffer end = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(end, size - tail);
            int eocd = -1;
            for (int i = tail - 22; i >= 0; i--) {
                if (end.getInt(i) == 0x06054b50) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) {
                return links;
            }
            long cdSize = Integer.toUnsignedLong(end.getInt(eocd + 12));
            long cdOffset = Integer.toUnsignedLong(end.getInt(eocd + 16));
            if (cdSize > size || cdOffset + cdSize > size) {
                return links;
            }
            ByteBuffer cd = ByteBuffer.allocate((int) cdSize).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(cd, cdOffset);
            int p = 0;
            while (p + 46 <= cdSize && cd.getInt(p) == 0x02014b50) {
                int nameLength = Short.toUnsignedInt(cd.getShort(p + 28));
                int extraLength = Short.toUnsignedInt(cd.getShort(p + 30));
                int commentLength = Short.toUnsignedInt(cd.getShort(p + 32));
                int external = cd.getInt(p + 38);
                byte[] name = new byte[Math.min(nameLength, (int) cdSize - p - 46)];
                cd.get(p + 46, name);
                if (((external >>> 16) & FILE_TYPE_MASK) == SYMLINK_TYPE) {
                    links.add(new String(name, StandardCharsets.UTF_8));
                }
                p += 46 + nameLength + extraLength + commentLength;
            }
        } catch (IOException e) {
            // Unreadable here means unreadable for ZipFile too, which reports it properly.
        }
        return links;
    }
}
