package pgferry.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Does a Docker daemon answer? Asks it {@code GET /_ping} over its socket with a short timeout, using
 * nothing but the JDK, so that Testcontainers classes are never loaded (and never log errors) on a
 * machine where the {@code docker} client exists but no daemon runs.
 */
public final class DockerProbe {

    /** The answer: whether a daemon answered, where, and otherwise why not (one line). */
    public record Status(boolean available, String endpoint, String reason) {
    }

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(200);

    private DockerProbe() {
    }

    /** Probes {@code DOCKER_HOST} when set, else the usual socket paths; first endpoint that answers wins. */
    public static Status probe(Map<String, String> env, Duration timeout) {
        List<String> endpoints = new ArrayList<>();
        String dockerHost = env.get("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            endpoints.add(dockerHost.strip());
        } else {
            endpoints.add("unix:///var/run/docker.sock");
            String home = env.getOrDefault("HOME", System.getProperty("user.home"));
            if (home != null) {
                endpoints.add("unix://" + home + "/.docker/run/docker.sock");
            }
            String runtime = env.get("XDG_RUNTIME_DIR");
            if (runtime != null) {
                endpoints.add("unix://" + runtime + "/docker.sock");
            }
        }
        List<String> failures = new ArrayList<>();
        for (String endpoint : endpoints) {
            String failure = ping(endpoint, timeout);
            if (failure == null) {
                return new Status(true, endpoint, "Docker daemon answered at " + endpoint);
            }
            failures.add(endpoint + " (" + failure + ")");
        }
        return new Status(false, endpoints.get(0), "no Docker daemon answers: " + String.join(", ", failures));
    }

    /** {@code null} when the daemon at {@code endpoint} answered {@code /_ping} with 200, else why not. */
    static String ping(String endpoint, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        SocketAddress address;
        StandardProtocolFamily family;
        if (endpoint.startsWith("unix://")) {
            Path socket = Path.of(endpoint.substring("unix://".length()));
            if (!Files.exists(socket)) {
                return "no such socket";
            }
            address = UnixDomainSocketAddress.of(socket);
            family = StandardProtocolFamily.UNIX;
        } else if (endpoint.startsWith("tcp://") || endpoint.startsWith("http://")) {
            URI uri = URI.create(endpoint);
            int port = uri.getPort() > 0 ? uri.getPort() : 2375;
            address = new InetSocketAddress(uri.getHost(), port);
            family = null;
        } else {
            return "unsupported endpoint scheme";
        }
        try (SocketChannel channel = family == null ? SocketChannel.open() : SocketChannel.open(family);
             Selector selector = Selector.open()) {
            channel.configureBlocking(false);
            if (!channel.connect(address)) {
                channel.register(selector, SelectionKey.OP_CONNECT);
                if (!waitFor(selector, deadline)) {
                    return "connect timed out";
                }
                channel.finishConnect();
                selector.selectedKeys().clear();
            }
            ByteBuffer request = ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            while (request.hasRemaining()) {
                channel.write(request);
            }
            SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
            ByteBuffer response = ByteBuffer.allocate(512);
            while (response.position() < 12) {
                selector.selectedKeys().clear();
                if (!waitFor(selector, deadline)) {
                    return "no answer within " + timeout.toMillis() + " ms";
                }
                if (key.isReadable() && channel.read(response) < 0) {
                    break;
                }
            }
            String head = new String(response.array(), 0, response.position(), StandardCharsets.US_ASCII);
            if (head.startsWith("HTTP/1.") && head.length() >= 12 && head.substring(9, 12).equals("200")) {
                return null;
            }
            String firstLine = head.lines().findFirst().orElse("");
            return "unexpected answer '" + firstLine + "'";
        } catch (IOException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    private static boolean waitFor(Selector selector, long deadline) throws IOException {
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        return deadline - System.nanoTime() > 0 && selector.select(left) > 0;
    }
}
