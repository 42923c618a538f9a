package pgferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.services.LocalCluster;

/**
 * Runs the README's fenced {@code bash} blocks that are marked runnable with an HTML comment
 * {@code <!-- readme-test -->} on the line before the fence, so the README cannot rot silently.
 *
 * <p>Each marked block runs with {@code bash -e -o pipefail} in its own empty temporary folder (so
 * {@code .postgres-data/}, {@code target/demo-report/} and friends land there), without
 * {@code DATABASE_URL}/{@code PG*} in the environment. {@code target/pgferry.jar} there is a launcher
 * jar whose class path is the classes Maven just built, and a leading build step
 * ({@code ./mvnw … package &&}) is dropped: the test runs what that step builds. {@code pgferry demo}
 * runs at {@code --scale 200} (its default-scale time is measured, not tested). Safety: a marked
 * block naming port 5432 fails the test (never touch that server); a block that starts the local
 * service is skipped when port 54329 is already taken (someone's own server, never stopped by a test),
 * and is always followed by {@code pgferry down} in its folder. {@code -Dpgferry.readme=FILE} checks
 * another file.
 */
class ReadmeCommandsTest {

    static final String MARKER = "<!-- readme-test -->";
    private static final Pattern BUILD_STEP = Pattern.compile("\\./mvnw[^\\n&]*\\bpackage\\s*&&\\s*");
    /** The demo's default scale is measured, not tested here (DemoTest runs it end to end): a tiny one keeps this test fast. */
    private static final Pattern DEMO = Pattern.compile("(pgferry\\.jar\\s+demo)\\b(?![^\\n#]*--scale)");
    static final String TEST_SCALE = "--scale 200";
    private static final Pattern STARTS_SERVICE = Pattern.compile("pgferry\\.jar\\s+up\\b");

    @TempDir
    Path tmp;

    record Block(int line, String text) {
    }

    static List<Block> markedBlocks(List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals(MARKER)) {
                continue;
            }
            int fence = i + 1;
            while (fence < lines.size() && lines.get(fence).isBlank()) {
                fence++;
            }
            if (fence >= lines.size() || !lines.get(fence).strip().equals("```bash")) {
                throw new AssertionError("README line " + (i + 1) + ": " + MARKER + " must stand right before a ```bash fence");
            }
            StringBuilder body = new StringBuilder();
            int end = fence + 1;
            while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                body.append(lines.get(end)).append('\n');
                end++;
            }
            if (end >= lines.size()) {
                throw new AssertionError("README line " + (fence + 1) + ": the ```bash block never closes");
            }
            blocks.add(new Block(fence + 1, body.toString()));
            i = end;
        }
        return blocks;
    }

    @Test
    void markedBlocksAreFoundAndChecked() {
        List<String> readme = List.of("text", MARKER, "```bash", "echo one", "```", "```bash", "echo unmarked", "```",
                MARKER, "", "```bash", "echo two  # comment", "```");
        assertThat(markedBlocks(readme)).extracting(Block::text).containsExactly("echo one\n", "echo two  # comment\n");
        assertThat(DEMO.matcher("./mvnw -q package && java -jar target/pgferry.jar demo   # build").replaceAll("$1 " + TEST_SCALE))
                .isEqualTo("./mvnw -q package && java -jar target/pgferry.jar demo --scale 200   # build");
        assertThat(BUILD_STEP.matcher("./mvnw -q -B -DskipTests package && java -jar target/pgferry.jar demo").replaceAll(""))
                .isEqualTo("java -jar target/pgferry.jar demo");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> markedBlocks(List.of(MARKER, "```java", "x", "```")))
                .hasMessageContaining("must stand right before a ```bash fence");
    }

    @Test
    void everyMarkedReadmeBlockRuns() throws Exception {
        Path readme = Path.of(System.getProperty("pgferry.readme", "README.md")).toAbsolutePath();
        List<Block> blocks = markedBlocks(Files.readAllLines(readme, StandardCharsets.UTF_8));
        assertThat(blocks).as("README.md marks no block with " + MARKER + ": mark the runnable ones (the first is the demo)")
                .isNotEmpty();
        List<String> ran = new ArrayList<>();
        for (Block block : blocks) {
            String script = BUILD_STEP.matcher(block.text()).replaceAll("");
            script = DEMO.matcher(script).replaceAll("$1 " + TEST_SCALE);
            if (script.contains(":5432") || script.contains("5432/")) {
                fail("README block at line " + block.line() + " is marked runnable but names port 5432, whose server the tests"
                        + " must never touch: remove the " + MARKER + " marker or use the local service");
            }
            boolean startsService = STARTS_SERVICE.matcher(script).find();
            if (startsService && LocalCluster.portAnswers("127.0.0.1", 54329)) {
                System.out.println("README block at line " + block.line() + " skipped: port 54329 is taken by a server this test"
                        + " did not start, and it is never stopped by a test");
                continue;
            }
            Path dir = Files.createDirectories(tmp.resolve("block-" + block.line()));
            launcherJar(dir.resolve("target/pgferry.jar"));
            try {
                Result r = bash(dir, "set -e -o pipefail\n" + script);
                assertThat(r.status).as("README block at line " + block.line() + " failed:\n" + block.text() + "\n--- output ---\n"
                        + r.output).isZero();
                ran.add("line " + block.line());
            } finally {
                if (startsService) {
                    bash(dir, "java -jar target/pgferry.jar down");
                }
            }
        }
        System.out.println("README blocks run: " + ran);
    }

    record Result(int status, String output) {
    }

    private static Result bash(Path dir, String script) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.equals("DATABASE_URL") || k.startsWith("PG"));
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + System.getenv("PATH"));
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, new String(out, StandardCharsets.UTF_8) + "\n(timed out after 300 s)");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** A jar with only a manifest: Main-Class pgferry.cli.Main, Class-Path the test JVM's class path. */
    static void launcherJar(Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        String classPath = List.of(System.getProperty("java.class.path").split(File.pathSeparator)).stream()
                .filter(e -> !e.isBlank())
                .map(e -> Path.of(e).toAbsolutePath().toUri().toString())
                .collect(Collectors.joining(" "));
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "pgferry.cli.Main");
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
    }
}
