package pgferry.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Nix flake and {@code pgferry up} must start the same server: the flake reads its settings from
 * {@code services/postgres.json}, the file {@link ServiceSettings#load()} reads, and repeats none of them.
 * Also checks, without Nix, that flake.lock pins exactly the inputs flake.nix declares.
 */
class FlakeSettingsTest {

    /** {@code builtins.fromJSON (builtins.readFile ./some/file.json)}, capturing the path. */
    private static final Pattern FROM_JSON_READ_FILE =
            Pattern.compile("builtins\\.fromJSON\\s*\\(\\s*builtins\\.readFile\\s+(\\.{1,2}/[^\\s()]+)\\s*\\)");
    /** Any reference to a JSON file from Nix code. */
    private static final Pattern ANY_JSON_PATH = Pattern.compile("[\\w./-]+\\.json\\b");
    /** {@code name.url = "...";} in flake.nix's inputs. */
    private static final Pattern INPUT_URL = Pattern.compile("([\\w-]+)\\.url\\s*=\\s*\"([^\"]+)\"\\s*;");
    private static final Pattern FOLLOWS =
            Pattern.compile("([\\w-]+)\\.inputs\\.([\\w-]+)\\.follows\\s*=\\s*\"([^\"]+)\"\\s*;");

    private static ServiceSettings settings;
    private static Path root;
    private static Path settingsFile;

    @BeforeAll
    static void load() {
        settings = ServiceSettings.load();
        root = settings.projectRoot();
        settingsFile = root.resolve(ServiceSettings.FILE).normalize();
        assertThat(settingsFile).as("the test runs inside the project").isRegularFile();
    }

    @Test
    void flakeAndServicesModuleReadExactlyTheSettingsFile() throws IOException {
        for (Path nix : List.of(root.resolve("flake.nix"), root.resolve("services/postgres.nix"))) {
            String text = Files.readString(nix);
            List<Path> read = new ArrayList<>();
            Matcher m = FROM_JSON_READ_FILE.matcher(text);
            while (m.find()) {
                read.add(nix.getParent().resolve(m.group(1)).normalize());
            }
            assertThat(read).as("%s reads its settings with builtins.fromJSON (builtins.readFile ...)", nix)
                    .containsExactly(settingsFile);

            List<Path> jsonMentioned = ANY_JSON_PATH.matcher(stripComments(text)).results()
                    .map(r -> r.group())
                    .filter(p -> p.startsWith("./") || p.startsWith("../"))
                    .map(p -> nix.getParent().resolve(p).normalize())
                    .collect(Collectors.toList());
            assertThat(jsonMentioned).as("%s refers to no other JSON file", nix).containsOnly(settingsFile);
        }
    }

    @Test
    void noSettingValueIsRepeatedInNixCode() throws IOException {
        List<Path> nixFiles = nixFiles();
        assertThat(nixFiles).contains(root.resolve("flake.nix"), root.resolve("services/postgres.nix"));

        String port = Integer.toString(settings.port());
        String dataDir = root.relativize(settings.dataDir()).toString();
        for (Path nix : nixFiles) {
            String text = Files.readString(nix);
            assertThat(Pattern.compile("(?<!\\d)" + port + "(?!\\d)").matcher(text).find())
                    .as("%s contains the port %s; it must come from %s", nix, port, ServiceSettings.FILE).isFalse();
            assertThat(text).as("%s repeats a value of %s", nix, ServiceSettings.FILE)
                    .doesNotContain(settings.host())
                    .doesNotContain("\"" + settings.database() + "\"")
                    .doesNotContain("\"" + settings.user() + "\"")
                    .doesNotContain("://" + settings.user() + "@")
                    .doesNotContain("/" + settings.database() + "\"")
                    .doesNotContain("\"" + dataDir)
                    .doesNotContain("./" + dataDir);
        }
    }

    @Test
    void gitignoreListsTheGeneratedDirectories() throws IOException {
        Set<String> lines = Files.readAllLines(root.resolve(".gitignore")).stream()
                .map(String::strip).collect(Collectors.toSet());
        assertThat(lines).contains(".postgres-data/", ".direnv/", "target/");
        assertThat(root.relativize(settings.dataDir()) + "/").isIn(lines);
    }

    @Test
    void envrcUsesTheFlake() throws IOException {
        assertThat(Files.readAllLines(root.resolve(".envrc"))).contains("use flake");
    }

    @Test
    void lockPinsExactlyTheDeclaredInputs() throws IOException {
        String flake = stripComments(Files.readString(root.resolve("flake.nix")));
        Map<String, String> declared = new LinkedHashMap<>();
        INPUT_URL.matcher(flake).results().forEach(r -> declared.put(r.group(1), r.group(2)));
        assertThat(declared).containsOnlyKeys("nixpkgs", "flake-parts", "process-compose-flake", "services-flake");

        JsonNode lock = new ObjectMapper().readTree(root.resolve("flake.lock").toFile());
        assertThat(lock.path("version").asInt()).isEqualTo(7);
        JsonNode nodes = lock.path("nodes");
        JsonNode rootInputs = nodes.path(lock.path("root").asText()).path("inputs");
        List<String> locked = new ArrayList<>();
        rootInputs.fieldNames().forEachRemaining(locked::add);
        assertThat(locked).containsExactlyInAnyOrderElementsOf(declared.keySet());

        for (Map.Entry<String, String> input : declared.entrySet()) {
            JsonNode node = nodes.path(rootInputs.path(input.getKey()).asText());
            assertThat(githubUrl(node.path("original")))
                    .as("flake.lock's original for %s must be the URL flake.nix declares, or Nix re-locks", input.getKey())
                    .isEqualTo(input.getValue());
            JsonNode pin = node.path("locked");
            assertThat(pin.path("type").asText()).isEqualTo("github");
            assertThat(pin.path("owner").asText()).isEqualTo(node.path("original").path("owner").asText());
            assertThat(pin.path("rev").asText()).matches("[0-9a-f]{40}");
            assertThat(pin.path("narHash").asText()).matches("sha256-[A-Za-z0-9+/]{43}=");
            assertThat(pin.path("lastModified").isIntegralNumber()).isTrue();
        }
        assertThat(nodes.path("nixpkgs").path("locked").path("rev").asText())
                .isEqualTo("6b5e5b7a6631f065bf6908986990b37d845f847f");
        assertThat(nodes.path("flake-parts").path("locked").path("rev").asText())
                .isEqualTo("427bf4bd9435fdf21321c8cc628c24efc14c0f7a");
        assertThat(nodes.path("process-compose-flake").path("locked").path("rev").asText())
                .isEqualTo("99bea96cf269cfd235833ebdf645b567069fd398");
        assertThat(nodes.path("services-flake").path("locked").path("rev").asText())
                .isEqualTo("59742095896db699f0381e3d305b7d90571506fa");

        // Every follows in flake.nix is recorded in the lock, and the lock has no others.
        Map<String, String> follows = new LinkedHashMap<>();
        FOLLOWS.matcher(flake).results().forEach(r -> follows.put(r.group(1) + "/" + r.group(2), r.group(3)));
        assertThat(follows).containsExactly(Map.entry("flake-parts/nixpkgs-lib", "nixpkgs"));
        Map<String, String> lockedFollows = new LinkedHashMap<>();
        rootInputs.fields().forEachRemaining(in -> nodes.path(in.getValue().asText()).path("inputs").fields()
                .forEachRemaining(sub -> {
                    if (sub.getValue().isArray()) {
                        List<String> path = new ArrayList<>();
                        sub.getValue().forEach(p -> path.add(p.asText()));
                        lockedFollows.put(in.getKey() + "/" + sub.getKey(), String.join("/", path));
                    }
                }));
        assertThat(lockedFollows).isEqualTo(follows);
    }

    private static String githubUrl(JsonNode original) {
        assertThat(original.path("type").asText()).isEqualTo("github");
        String ref = original.hasNonNull("ref") ? "/" + original.get("ref").asText() : "";
        return "github:" + original.path("owner").asText() + "/" + original.path("repo").asText() + ref;
    }

    /** Drops Nix comments ({@code # ...} to end of line, {@code /* ... *}{@code /}); good enough for our files. */
    private static String stripComments(String nix) {
        return nix.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)(^|\\s)#.*$", "$1");
    }

    private static List<Path> nixFiles() throws IOException {
        Set<String> skip = Set.of(".git", "target", ".postgres-data", ".direnv", "node_modules");
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> {
                        for (Path part : root.relativize(p)) {
                            if (skip.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .filter(p -> p.toString().endsWith(".nix") && Files.isRegularFile(p))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }
}
