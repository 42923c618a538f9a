package pgferry.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Tests running at the same time do not see each other's rows. Two of them meet at a barrier after
 * writing, so they are provably inside their tests together when they look.
 */
@Execution(ExecutionMode.CONCURRENT)
@PgTest(migrations = "classpath:pgferry/testing/migrations/accounts")
class ParallelIsolationTest {

    private static final CyclicBarrier BOTH_WROTE = new CyclicBarrier(2);

    static List<String> writeThenLook(Connection c, String name, boolean meet) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO account (name) VALUES (?)")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
        if (meet) {
            try {
                BOTH_WROTE.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                fail("the two concurrent tests never ran at the same time: " + e);
            }
        }
        List<String> names = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT name FROM account ORDER BY name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Test
    void left(Connection c) throws SQLException {
        assertThat(writeThenLook(c, "left", true)).containsExactly("left");
    }

    @Test
    void right(Connection c) throws SQLException {
        assertThat(writeThenLook(c, "right", true)).containsExactly("right");
    }

    @Test
    void third(Connection c) throws SQLException {
        assertThat(writeThenLook(c, "third", false)).containsExactly("third");
    }

    @Test
    void fourth(Connection c) throws SQLException {
        assertThat(writeThenLook(c, "fourth", false)).containsExactly("fourth");
    }
}
