package pgferry.testing;

import java.lang.reflect.AnnotatedElement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 side of {@link PgTest}: resolves {@link DataSource}, {@link Connection} and
 * {@link PgDatabase} parameters of test methods and constructors to the test's own database, created on
 * first use and dropped when the test ends. Constructor parameters are resolved per test (per class with
 * {@code @TestInstance(PER_CLASS)}). Leaves {@link ParityTest} methods to {@link ParityExtension}.
 */
public final class PgExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PgExtension.class);

    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        boolean ours = type == DataSource.class || type == Connection.class || type == PgDatabase.class;
        boolean parity = context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, ParityTest.class)).orElse(false);
        return ours && !parity;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        PgDatabase database = database(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == PgDatabase.class) {
            return database;
        }
        if (type == DataSource.class) {
            return database.dataSource();
        }
        try {
            Connection connection = database.connection();
            // closed before the database is dropped: the store closes values in reverse order of adding
            context.getStore(NS).put(new Object(), (AutoCloseable) connection::close);
            return connection;
        } catch (SQLException e) {
            throw new ParameterResolutionException("cannot connect to " + database + ": " + e.getMessage(), e);
        }
    }

    /** The database of this test (or of the class, for a per-class test instance), made on first use. */
    static PgDatabase database(ExtensionContext context) {
        String[] migrations = migrations(context);
        return context.getStore(NS).getOrComputeIfAbsent(PgDatabase.class,
                k -> TestDatabases.shared().create(migrations), PgDatabase.class);
    }

    static String[] migrations(ExtensionContext context) {
        Optional<PgTest> onMethod = context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, PgTest.class));
        if (onMethod.isPresent()) {
            return onMethod.get().migrations();
        }
        for (Optional<Class<?>> c = context.getTestClass(); c.isPresent(); c = Optional.ofNullable(c.get().getEnclosingClass())) {
            Optional<PgTest> onClass = AnnotationSupport.findAnnotation((AnnotatedElement) c.get(), PgTest.class);
            if (onClass.isPresent()) {
                return onClass.get().migrations();
            }
        }
        return new String[0];
    }
}
