package pgferry.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test its own PostgreSQL database with {@link #migrations()} applied. On a class (applies to
 * every test) or a method (overrides the class). Test methods and constructors may then take a
 * {@link javax.sql.DataSource}, a {@link java.sql.Connection} (closed after the test) or a
 * {@link PgDatabase}; all three point at the same database, dropped when the test ends.
 *
 * <pre>{@code
 * @PgTest(migrations = "classpath:db/migration")
 * class OrderRepositoryTest {
 *     @Test
 *     void savesAnOrder(DataSource db) { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PgExtension.class)
public @interface PgTest {

    /** Flyway locations: {@code classpath:db/migration} or {@code filesystem:/abs/dir}; none gives an empty database. */
    String[] migrations() default {};
}
