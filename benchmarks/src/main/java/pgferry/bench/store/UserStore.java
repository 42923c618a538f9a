package pgferry.bench.store;

import pgferry.bench.Answer;

/** metagauge's users; the answer is {@code [id, email, name, tier, created_at]}. */
public interface UserStore extends AutoCloseable {
    Answer userByEmail(String email);

    @Override
    void close();
}
