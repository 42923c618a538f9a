package pgferry.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Runs a {@link ParityTest} once per engine and resolves its parameters for that engine. */
public final class ParityExtension implements TestTemplateInvocationContextProvider {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ParityExtension.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, ParityTest.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        ParityTest parity = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), ParityTest.class).orElseThrow();
        ParityResults results = context.getStore(NS).getOrComputeIfAbsent(ParityResults.class,
                k -> ParityResults.create(), ParityResults.class);
        return Arrays.stream(parity.engines()).map(engine -> new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int invocationIndex) {
                return engine.label();
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of(new EngineResolver(engine, parity, results));
            }
        });
    }

    /** A SQLite database file in its own temporary directory, deleted afterwards. */
    static final class SqliteDatabase implements AutoCloseable {
        final Path dir;
        final SQLiteDataSource dataSource;

        SqliteDatabase(String schema, boolean foreignKeys) throws IOException, SQLException {
            dir = Files.createTempDirectory("pgferry-parity-");
            SQLiteConfig config = new SQLiteConfig();
            config.enforceForeignKeys(foreignKeys);
            dataSource = new SQLiteDataSource(config);
            dataSource.setUrl("jdbc:sqlite:" + dir.resolve("test.db"));
            try (Connection c = dataSource.getConnection()) {
                SqlScript.run(c, schema);
            }
        }

        @Override
        public void close() {
            EmbeddedPgServer.deleteTree(dir);
        }
    }

    private static final class EngineResolver implements ParameterResolver {
        private final Engine engine;
        private final ParityTest parity;
        private final ParityResults results;

        EngineResolver(Engine engine, ParityTest parity, ParityResults results) {
            this.engine = engine;
            this.parity = parity;
            this.results = results;
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            return type == Engine.class || type == DataSource.class || type == Connection.class
                    || type == ParityResults.class || (type == PgDatabase.class && engine == Engine.POSTGRES);
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            if (type == Engine.class) {
                return engine;
            }
            if (type == ParityResults.class) {
                return results.on(engine);
            }
            ExtensionContext.Store store = context.getStore(NS);
            if (type == PgDatabase.class) {
                return postgres(store);
            }
            DataSource dataSource = engine == Engine.SQLITE ? sqlite(store).dataSource : postgres(store).dataSource();
            if (type == DataSource.class) {
                return dataSource;
            }
            try {
                Connection connection = dataSource.getConnection();
                store.put(new Object(), (AutoCloseable) connection::close);
                return connection;
            } catch (SQLException e) {
                throw new ParameterResolutionException("cannot connect to the " + engine.label() + " database: " + e.getMessage(), e);
            }
        }

        private PgDatabase postgres(ExtensionContext.Store store) {
            return store.getOrComputeIfAbsent(PgDatabase.class,
                    k -> TestDatabases.shared().create(parity.migrations()), PgDatabase.class);
        }

        private SqliteDatabase sqlite(ExtensionContext.Store store) {
            return store.getOrComputeIfAbsent(SqliteDatabase.class, k -> {
                try {
                    return new SqliteDatabase(parity.sqliteSchema(), parity.sqliteForeignKeys());
                } catch (IOException | SQLException e) {
                    throw new ParameterResolutionException("cannot create the SQLite database from "
                            + parity.sqliteSchema() + ": " + e.getMessage(), e);
                }
            }, SqliteDatabase.class);
        }
    }
}
