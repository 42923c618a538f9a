package pgferry.systems.metagauge;

import static org.assertj.core.api.Assertions.assertThat;
import static pgferry.systems.JsonTrees.assertFits;
import static pgferry.systems.JsonTrees.assertTimestamp;
import static pgferry.systems.JsonTrees.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.systems.Systems;
import pgferry.systems.TreeHash;

class MetagaugeSystemTest {
    /** SHA-256 of the tree for scale 300, seed 42; a change to the generator changes it (update it knowingly). */
    static final String SCALE_300_SEED_42 = "c606e103ab689c7e9dd913679070acb34d4e090f092b3202279824f561fb6381";

    @TempDir
    Path dir;

    private Path generate(String name, int scale, long seed) {
        return Systems.byName("metagauge").orElseThrow().generate(scale, seed, dir.resolve(name));
    }

    @Test
    void sameSeedSameBytes() {
        String a = TreeHash.sha256(generate("a", 300, 42));
        String b = TreeHash.sha256(generate("b", 300, 42));
        assertThat(a).isEqualTo(b).isEqualTo(SCALE_300_SEED_42);
        assertThat(TreeHash.sha256(generate("c", 300, 43))).isNotEqualTo(a);
    }

    @Test
    void theShippedExampleTreeIsWhatScale6Seed42Writes() throws Exception {
        Path example = Path.of("src/test/resources/pgferry/systems/metagauge/example-data");
        Path data = generate("x", 6, 42);
        assertThat(TreeHash.files(data)).isEqualTo(TreeHash.files(example)).containsExactly("analyses.json", "contracts.json", "users.json");
        for (String f : TreeHash.files(data)) {
            assertThat(Files.readString(data.resolve(f))).as(f).isEqualTo(Files.readString(example.resolve(f)));
        }
    }

    @Test
    void theFilesHaveTheSeedsShapeAndTheirReferencesHold() {
        Path data = generate("s", 2000, 5);
        JsonNode users = read(data.resolve("users.json"));
        JsonNode contracts = read(data.resolve("contracts.json"));
        JsonNode analyses = read(data.resolve("analyses.json"));
        assertThat(users).hasSize(100);
        assertThat(contracts).hasSize(250);
        assertThat(analyses).hasSize(2000);

        Set<String> emails = new HashSet<>();
        Set<String> userIds = new HashSet<>();
        int withoutOnboarding = 0;
        for (JsonNode u : users) {
            assertThat(userIds.add(u.get("id").asText())).isTrue();
            assertThat(emails.add(u.get("email").asText())).as("unique email").isTrue();
            assertThat(u.get("email").asText()).contains("@");
            assertThat(u.get("tier").asText()).isIn("free", "pro", "enterprise");
            assertTimestamp(u.get("createdAt"), "createdAt");
            assertThat(u.get("preferences").get("theme").asText()).isIn("dark", "light", "system");
            withoutOnboarding += u.has("onboarding") ? 0 : 1;
        }
        assertThat(withoutOnboarding).as("legacy accounts without onboarding").isPositive();

        Map<String, String> ownerOf = new HashMap<>();
        int competitors = 0;
        for (JsonNode c : contracts) {
            ownerOf.put(c.get("id").asText(), c.get("userId").asText());
            assertThat(userIds).contains(c.get("userId").asText());
            assertThat(c.get("targetContract").get("address").asText()).matches("0x[0-9a-f]{40}([0-9a-f]{24})?");
            assertThat(c.get("rpcEndpoints").size()).isBetween(1, 3);
            Set<String> urls = new HashSet<>();
            c.get("rpcEndpoints").forEach(e -> assertThat(urls.add(e.get("url").asText())).isTrue());
            assertThat(c.get("competitors").size()).isBetween(0, 5);
            competitors += c.get("competitors").size();
            assertFits(c.get("analysisParams").get("whaleThreshold"), 38, 18, "whaleThreshold");
        }
        assertThat(competitors).isPositive();
        for (JsonNode u : users) {
            JsonNode def = u.path("onboarding").path("defaultContractId");
            if (def.isTextual()) {
                assertThat(ownerOf.get(def.asText())).as("default contract belongs to its user").isEqualTo(u.get("id").asText());
            }
        }
        Map<String, Integer> statuses = new HashMap<>();
        for (JsonNode a : analyses) {
            String status = a.get("status").asText();
            statuses.merge(status, 1, Integer::sum);
            assertThat(ownerOf.get(a.get("configId").asText())).isEqualTo(a.get("userId").asText());
            assertThat(a.get("results").isNull()).isEqualTo(!status.equals("completed"));
            assertThat(a.get("errorMessage").isNull()).isEqualTo(!status.equals("failed"));
            if (status.equals("completed")) {
                assertThat(a.get("results").get("target").get("metrics").get("totalVolume").asText()).matches("\\d+\\.\\d{18}");
                assertTimestamp(a.get("completedAt"), "completedAt");
            }
        }
        assertThat(statuses).containsOnlyKeys("pending", "running", "completed", "failed");
    }

    @Test
    void scaleIsTheNumberOfAnalyses() {
        for (int scale : new int[] {1, 9, 400}) {
            Path data = generate("n" + scale, scale, 1);
            assertThat(read(data.resolve("analyses.json"))).hasSize(scale);
            assertThat(read(data.resolve("users.json"))).hasSize(Math.max(2, scale / 20));
        }
    }
}
