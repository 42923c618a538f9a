package pgferry.bench.store;

import pgferry.bench.Answer;

/** atlas's bots; the answer is the ids, in order, of the bots having a condition whose {@code text} is the given indicator. */
public interface BotStore extends AutoCloseable {
    Answer botsUsing(String indicator);

    @Override
    void close();
}
