package pgferry.load;

import java.util.List;

/**
 * Everything a migrate run did, for the report: per table results in plan order, post-data
 * statements, the rejects file, and the true wall time from start to the last commit.
 */
public record MigrationResult(String source, String target, List<TableResult> tables, List<PostDataResult> postData,
                              String rejectsFile, long totalRejected, long wallMillis, List<String> warnings) {

    public MigrationResult {
        tables = List.copyOf(tables);
        postData = List.copyOf(postData);
        warnings = List.copyOf(warnings);
    }

    public boolean anyFailure() {
        return tables.stream().anyMatch(t -> "failed".equals(t.status()))
                || postData.stream().anyMatch(p -> "failed".equals(p.status()));
    }
}
