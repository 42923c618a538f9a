package pgferry.systems.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The statements differ between the engines only where a dialect's own file says so, and in both then. */
class RepoSqlTest {

    private static List<String> names(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
    }

    private static Path folder(String system) throws URISyntaxException {
        // a file's folder: the folder name alone would also match the test classes' package
        String shared = system.equals("atlas") ? "leaderboard" : system.equals("arb") ? "trade-insert" : "trade-open";
        return Path.of(RepoSqlTest.class.getClassLoader().getResource("pgferry/systems/" + system + "/repo/" + shared + ".sql")
                .toURI()).getParent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"atlas", "arb", "aitrader"})
    void everyDialectFileHasItsCounterpartAndNoSharedTwin(String system) throws Exception {
        Path base = folder(system);
        List<String> sqlite = names(base.resolve("sqlite"));
        List<String> postgres = names(base.resolve("postgres"));
        assertThat(sqlite).isEqualTo(postgres);
        assertThat(names(base)).isNotEmpty().allSatisfy(n -> assertThat(sqlite).doesNotContain(n));
        for (String n : sqlite) {
            String name = n.substring(0, n.length() - 4);
            assertThat(new RepoSql(system, Dialect.SQLITE).get(name)).isNotEqualTo(new RepoSql(system, Dialect.POSTGRES).get(name));
        }
    }

    @org.junit.jupiter.api.Test
    void theDifferencesAreTheFewNamedOnes() throws Exception {
        assertThat(names(folder("atlas").resolve("sqlite"))).containsExactly("bots-with-condition.sql", "ensure-tables.sql");
        assertThat(names(folder("arb").resolve("sqlite"))).isEmpty();
        assertThat(names(folder("aitrader").resolve("sqlite"))).containsExactly("command-claim.sql");
        assertThat(new RepoSql("atlas", Dialect.POSTGRES).get("leaderboard")).contains("id COLLATE \"C\"").doesNotContain("{bytewise}");
        assertThat(new RepoSql("atlas", Dialect.SQLITE).get("leaderboard")).contains("id COLLATE BINARY");
    }
}
