package pgferry.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import pgferry.UserError;

/**
 * A set of Flyway locations ({@code classpath:...} or {@code filesystem:...}) and the hash of what they
 * hold now: the names and contents of every file found there. The hash names the template database,
 * so a changed, added or removed migration file gives a new template.
 *
 * @param locations the Flyway locations, normalised (a bare path means {@code classpath:})
 * @param hash      16 hex digits of SHA-256 over the locations and their files
 * @param fileCount number of files hashed
 */
public record MigrationSet(List<String> locations, String hash, int fileCount) {

    /** Reads the files at {@code locations} now and hashes them. */
    public static MigrationSet of(String... locations) {
        List<String> normalized = new ArrayList<>();
        for (String location : locations) {
            normalized.add(normalize(location));
        }
        normalized = normalized.stream().distinct().sorted().toList();
        MessageDigest digest = sha256();
        int count = 0;
        for (String location : normalized) {
            Map<String, byte[]> files = files(location);
            if (files.isEmpty()) {
                throw new UserError(location + ": no migration files found there; check the location in @PgTest(migrations = ...)"
                        + " (classpath:dir or filesystem:/abs/dir)");
            }
            digest.update(("location " + location + "\n").getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                digest.update(("file " + file.getKey() + " " + file.getValue().length + "\n").getBytes(StandardCharsets.UTF_8));
                digest.update(file.getValue());
            }
            count += files.size();
        }
        String hash = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        return new MigrationSet(List.copyOf(normalized), hash, count);
    }

    /** One text naming the locations (not their content): templates of the same key replace each other. */
    public String key() {
        return locations.isEmpty() ? "(none)" : String.join(",", locations);
    }

    public String templateName() {
        return "pgferry_tpl_" + hash;
    }

    static String normalize(String location) {
        String l = location.strip();
        if (l.startsWith("filesystem:")) {
            return "filesystem:" + Path.of(l.substring("filesystem:".length())).toAbsolutePath().normalize();
        }
        String path = l.startsWith("classpath:") ? l.substring("classpath:".length()) : l;
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return "classpath:" + path;
    }

    /** Files under one location: relative name → bytes, sorted by name. */
    static Map<String, byte[]> files(String location) {
        Map<String, byte[]> files = new TreeMap<>();
        try {
            if (location.startsWith("filesystem:")) {
                Path dir = Path.of(location.substring("filesystem:".length()));
                if (Files.isDirectory(dir)) {
                    addTree(dir, files);
                }
                return files;
            }
            String path = location.substring("classpath:".length());
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader == null) {
                loader = MigrationSet.class.getClassLoader();
            }
            Enumeration<URL> roots = loader.getResources(path);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if (root.getProtocol().equals("file")) {
                    addTree(Path.of(root.toURI()), files);
                } else if (root.getProtocol().equals("jar")) {
                    JarURLConnection connection = (JarURLConnection) root.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        String prefix = path + "/";
                        Enumeration<JarEntry> entries = jar.entries();
                        while (entries.hasMoreElements()) {
                            JarEntry entry = entries.nextElement();
                            if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                                try (InputStream in = jar.getInputStream(entry)) {
                                    files.put(entry.getName().substring(prefix.length()), in.readAllBytes());
                                }
                            }
                        }
                    }
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migrations at " + location, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void addTree(Path dir, Map<String, byte[]> files) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
