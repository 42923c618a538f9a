package pgferry.load;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import pgferry.plan.ColumnPlan;
import pgferry.plan.DdlStatement;
import pgferry.plan.DdlWriter;
import pgferry.plan.MigrationPlan;
import pgferry.plan.TablePlan;
import pgferry.source.sqlite.SqliteSource;

/**
 * The load work a {@link MigrationPlan} asks for: tables (CREATE TABLE + COPY), post-data statements in
 * phases (1 keys, 2 checks and indexes, 3 foreign keys), and identity restarts.
 */
public record LoadPlan(List<TableLoad> tables, List<PostDataStatement> postData, List<IdentityRestart> identities) {

    /** For a source without autoincrement sequences (JSON): identities restart past max(column). */
    public static LoadPlan of(MigrationPlan plan, String schema) {
        return of(plan, schema, null);
    }

    /** @param source the SQLite file, for its autoincrement sequences; null when there is none */
    public static LoadPlan of(MigrationPlan plan, String schema, SqliteSource source) {
        DdlWriter ddl = new DdlWriter(schema);
        List<TableLoad> tables = new ArrayList<>();
        List<PostDataStatement> post = new ArrayList<>();
        List<IdentityRestart> ids = new ArrayList<>();
        for (TablePlan t : plan.tables()) {
            List<ColumnLoad> cols = new ArrayList<>();
            for (ColumnPlan c : t.columns()) {
                cols.add(new ColumnLoad(c.source(), c.name(), c.type().sql(), c.converter()));
            }
            List<String> key = t.primaryKey() == null ? List.of() : t.primaryKey().columns();
            tables.add(new TableLoad(t.source(), schema, t.name(), cols, ddl.createTable(t).sql(), key,
                    t.source().rowidAlias().isPresent()));
            for (DdlStatement s : ddl.postData(t)) {
                int phase = switch (s.kind()) {
                    case PRIMARY_KEY, UNIQUE -> 1;
                    default -> 2;
                };
                post.add(new PostDataStatement(t.name(), kind(s.kind()), s.name(), s.sql(), phase));
            }
            for (DdlStatement s : ddl.foreignKeys(t)) {
                post.add(new PostDataStatement(t.name(), kind(s.kind()), s.name(), s.sql(), 3));
            }
            t.identityColumn().ifPresent(c -> {
                OptionalLong seq = t.source().autoincrement() && source != null ? source.autoincrementSequence(t.source()) : OptionalLong.empty();
                ids.add(new IdentityRestart(schema, t.name(), c.name(), seq.isPresent() ? seq.getAsLong() : null));
            });
        }
        return new LoadPlan(tables, post, ids);
    }

    private static String kind(DdlStatement.Kind k) {
        return switch (k) {
            case PRIMARY_KEY -> "primary key";
            case UNIQUE -> "unique";
            case CHECK -> "check";
            case INDEX -> "index";
            case FOREIGN_KEY -> "foreign key";
            case RESTART_IDENTITY -> "identity";
            case CREATE_TABLE -> "table";
        };
    }
}
