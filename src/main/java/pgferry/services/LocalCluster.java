package pgferry.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import pgferry.UserError;

/**
 * One PostgreSQL cluster on this machine, run from the pinned embedded binaries: a data directory,
 * an address and a port. It can initialise the directory, start the server (which then runs on its
 * own, outliving this JVM, until {@link #stop()}), stop it, and tell whether it runs.
 *
 * <p>PostgreSQL refuses to run as root. When this JVM is root, every PostgreSQL program is started
 * through {@code unshare -U}: inside that user namespace the process is not root, and the files it
 * creates belong to it there. Where that is impossible the error says so and what to do instead.
 *
 * <p>Only a server started from this data directory is ever stopped: a server we did not start (for
 * example a system PostgreSQL on the same port) is never touched.
 */
public final class LocalCluster {

    private static final long START_TIMEOUT_SECONDS = 60;
    private static volatile Boolean unshareWorks;

    private final Path dataDir;
    private final String host;
    private final int port;

    private LocalCluster(Path dataDir, String host, int port) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.host = host;
        this.port = port;
    }

    public static LocalCluster at(Path dataDir, String host, int port) {
        return new LocalCluster(dataDir, host, port);
    }

    public Path dataDir() {
        return dataDir;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The server's own log (pg_ctl's {@code -l} file), beside the data it describes. */
    public Path logFile() {
        return dataDir.resolve("server.log");
    }

    public boolean isInitialized() {
        return Files.isRegularFile(dataDir.resolve("PG_VERSION"));
    }

    /**
     * Runs initdb when the directory holds no cluster yet: trust authentication (the server listens on
     * loopback only), UTF-8, C locale (identical sorting on every machine).
     *
     * @return true when a new cluster was created
     */
    public boolean initIfNeeded(String superuser) {
        if (isInitialized()) {
            return false;
        }
        try {
            if (Files.isDirectory(dataDir)) {
                try (var entries = Files.list(dataDir)) {
                    if (entries.anyMatch(p -> !p.getFileName().toString().equals("server.log"))) {
                        throw new UserError(dataDir + " is not empty and holds no PostgreSQL cluster (no PG_VERSION);"
                                + " move its contents away or choose another --data-dir");
                    }
                }
            }
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UserError("cannot create the data directory " + dataDir + ": " + e.getMessage());
        }
        PostgresBinaries binaries = PostgresBinaries.ensure();
        run(binaries, "initdb", List.of("-D", dataDir.toString(), "-U", superuser, "-A", "trust",
                "-E", "UTF8", "--no-locale", "--no-instructions"), "initdb");
        return true;
    }

    /**
     * Starts the server and returns once it accepts connections. {@code serverSettings} are passed as
     * {@code -c name=value}. Fails with a {@link UserError} when the port is taken by another server.
     */
    public void start(Map<String, String> serverSettings) {
        if (!isInitialized()) {
            throw new IllegalStateException("start before initIfNeeded: " + dataDir);
        }
        Optional<Long> pid = runningPid();
        if (pid.isPresent()) {
            throw new UserError("the PostgreSQL server of " + dataDir + " is already running (pid " + pid.get() + ")");
        }
        if (portAnswers(host, port)) {
            throw new UserError("port " + port + " on " + host + " is already taken by another server, which pgferry"
                    + " did not start and will not touch; choose another port with --port N (or change services/postgres.json)");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("listen_addresses", host);
        settings.put("unix_socket_directories", "");
        settings.putAll(serverSettings);
        StringBuilder options = new StringBuilder("-p ").append(port);
        settings.forEach((k, v) -> options.append(" -c ").append(shellQuote(k + "=" + v)));
        PostgresBinaries binaries = PostgresBinaries.ensure();
        try {
            run(binaries, "pg_ctl", List.of("-D", dataDir.toString(), "-l", logFile().toString(), "-w",
                    "-t", Long.toString(START_TIMEOUT_SECONDS), "-o", options.toString(), "start"), "pg_ctl start");
        } catch (UserError e) {
            String reason = lastLogProblem().orElse(e.getMessage());
            if (reason.contains("Address already in use") || reason.contains("could not bind")) {
                throw new UserError("port " + port + " on " + host + " is already taken by another server; choose another"
                        + " port with --port N (or change services/postgres.json)");
            }
            throw new UserError("PostgreSQL did not start: " + reason + " (log: " + logFile() + ")");
        }
    }

    /** Stops this cluster's server (fast shutdown: sessions are ended, data is flushed). No-op when it is not running. */
    public boolean stop() {
        if (runningPid().isEmpty()) {
            return false;
        }
        run(PostgresBinaries.ensure(), "pg_ctl", List.of("-D", dataDir.toString(), "-m", "fast", "-w",
                "-t", Long.toString(START_TIMEOUT_SECONDS), "stop"), "pg_ctl stop");
        return true;
    }

    public boolean isRunning() {
        return runningPid().isPresent();
    }

    /** The postmaster's pid when a live server runs from this data directory. */
    public Optional<Long> runningPid() {
        return pidFileLine(0).map(Long::parseLong).filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    /** The port a running server of this directory listens on (read from postmaster.pid). */
    public Optional<Integer> runningPort() {
        return runningPid().flatMap(pid -> pidFileLine(3)).map(Integer::parseInt);
    }

    public String jdbcUrl(String database, String user) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?user=" + user;
    }

    /** A TCP port on loopback that nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when something accepts TCP connections on host:port. */
    public static boolean portAnswers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Optional<String> pidFileLine(int index) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.size() > index ? Optional.of(lines.get(index).trim()).filter(s -> !s.isEmpty()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<String> lastLogProblem() {
        try {
            List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                String line = lines.get(i);
                if (line.contains("FATAL") || line.contains("ERROR") || line.contains("could not")) {
                    return Optional.of(line.trim());
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static void run(PostgresBinaries binaries, String program, List<String> args, String what) {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            if (!unshareWorks()) {
                throw new UserError("PostgreSQL refuses to run as root, and `unshare -U` (which would run it as an"
                        + " unprivileged user here) is not available on this machine; run pgferry as an ordinary user,"
                        + " or enable user namespaces (sysctl kernel.unprivileged_userns_clone=1), or use DATABASE_URL");
            }
            command.add("unshare");
            command.add("-U");
        }
        command.add(binaries.bin(program).toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        try {
            Process process = builder.start();
            // pg_ctl start leaves the server holding no pipe of ours (-l sends its output to the log)
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(START_TIMEOUT_SECONDS + 30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new UserError(what + " did not finish within " + (START_TIMEOUT_SECONDS + 30) + " s");
            }
            if (process.exitValue() != 0) {
                throw new UserError(what + " failed (exit " + process.exitValue() + "): " + lastMeaningfulLine(output));
            }
        } catch (IOException e) {
            throw new UserError("cannot run " + binaries.bin(program) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError(what + " was interrupted");
        }
    }

    private static String lastMeaningfulLine(String output) {
        return output.lines().map(String::trim).filter(l -> !l.isEmpty())
                .reduce((a, b) -> b).orElse("no output");
    }

    static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0"); // effective uid
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no /proc: fall through
        }
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean unshareWorks() {
        Boolean known = unshareWorks;
        if (known == null) {
            try {
                Process p = new ProcessBuilder("unshare", "-U", "true").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                known = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                known = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                known = false;
            }
            unshareWorks = known;
        }
        return known;
    }
}
