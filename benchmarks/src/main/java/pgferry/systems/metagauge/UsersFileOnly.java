package pgferry.systems.metagauge;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;

/**
 * Writes only metagauge's {@code users.json}, with exactly {@code users} users, by the system's own generator
 * (it makes users = scale / 20; its analyses.json at 20x the users would be far bigger than this benchmark needs).
 * The generator's users writer is private, so it is called by reflection; if the generator changes shape this
 * fails loudly rather than writing something else.
 */
public final class UsersFileOnly {
    private UsersFileOnly() {
    }

    public static void write(int users, long seed, Path file) {
        MetagaugeFiles files = new MetagaugeFiles(seed, users * 20);
        if (files.users != users) {
            throw new IllegalStateException("metagauge generator gives " + files.users + " users at scale " + users * 20 + ", expected " + users);
        }
        try {
            Method m = MetagaugeFiles.class.getDeclaredMethod("writeUsers", Path.class);
            m.setAccessible(true);
            m.invoke(files, file);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("metagauge users generator failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("metagauge's generator no longer has writeUsers(Path); update UsersFileOnly", e);
        }
    }
}
