package pgferry.config;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pgferry.UserError;

/**
 * Keeps passwords out of everything pgferry prints: messages, exceptions, log lines.
 *
 * <p>{@link #mask(String)} works on any text, without knowing which password to look for: it
 * replaces the password part of URL-looking substrings ({@code scheme://user:PASSWORD@host}),
 * the value of {@code password=...}-style parameters (also {@code sslpassword}, {@code PGPASSWORD},
 * JSON {@code "password": "..."}), and every literal occurrence of a password pgferry has parsed
 * before ({@link #remember(String)}; {@link DatabaseUrl} remembers each password it parses).
 * Masking errs on the side of hiding too much.
 */
public final class Secrets {

    /** What a password is replaced by. */
    public static final String MASK = "***";

    /**
     * Passwords shorter than this are masked by their place in the text only (URL user info,
     * {@code password=}), not wherever the characters occur: hiding every "pw" in every message
     * would garble them without protecting much.
     */
    public static final int MIN_REMEMBERED = 4;

    /** The placeholder of examples in help texts ({@code USER:PASSWORD@HOST}); left as it is. */
    private static final String PLACEHOLDER = "PASSWORD";

    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

    /** {@code scheme://user:password@} — the password runs to the last '@' before white space. */
    private static final Pattern URL_USERINFO = Pattern.compile(
            "(?i)\\b((?:[a-z][a-z0-9+.\\-]*:(?:[a-z][a-z0-9+.\\-]*:)?/{1,3}|(?:jdbc:)?postgres(?:ql)?:)[^\\s:/?#@\\[\\]]*):([^\\s]*)@");

    /**
     * A PostgreSQL URL without '@' whose "port" is not a number: {@code postgresql://user:secret/db}
     * with the '@' forgotten. The part after ':' may be a password, so it is hidden too.
     */
    private static final Pattern URL_NO_AT_PORT = Pattern.compile(
            "(?i)\\b((?:jdbc:)?postgres(?:ql)?://[^\\s:/?#@\\[\\],]+):([^\\s/?#@,]*[^\\s\\d/?#@,][^\\s/?#@,]*)(?=[\\s/?#,]|$)");

    /** {@code password=VALUE}, {@code PGPASSWORD=VALUE}, {@code "password": "VALUE"}, {@code password: VALUE}. */
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)((?<![a-z0-9_])[\"']?(?:pg|ssl|db_|database_)?(?:password|passwd|pwd)[\"']?\\s*[=:]\\s*)"
                    + "(\"[^\"]*\"|'[^']*'|[^\\s&;\"']+)");

    private Secrets() {
    }

    /**
     * Remember a password so that {@link #mask} hides it wherever it appears literally (also in
     * its percent-encoded form; at least {@value #MIN_REMEMBERED} characters), even in text that does not look like a URL.
     */
    public static void remember(String secret) {
        if (secret == null || secret.length() < MIN_REMEMBERED
                || ProductionRules.DEFAULT_PASSWORDS.contains(secret.toLowerCase(java.util.Locale.ROOT))) {
            return; // a well-known default hides nothing and would blank out words like "postgres"
        }
        KNOWN.add(secret);
        String encoded = PercentCoding.encode(secret);
        if (!encoded.equals(secret)) {
            KNOWN.add(encoded);
        }
    }

    /** Forgets every remembered password (tests use it to prove masking by structure alone). */
    static void forgetRemembered() {
        KNOWN.clear();
    }

    /** The text with every password found in it replaced by {@value #MASK}; null stays null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        if (!KNOWN.isEmpty()) {
            List<String> known = new ArrayList<>(KNOWN);
            known.sort(Comparator.comparingInt(String::length).reversed());
            for (String secret : known) {
                if (out.contains(secret)) {
                    out = replaceStandalone(out, secret);
                }
            }
        }
        out = replaceGroup(URL_USERINFO, out, 2);
        out = replaceGroup(URL_NO_AT_PORT, out, 2);
        out = replaceGroup(KEY_VALUE, out, 2);
        return out;
    }

    /**
     * Replaces each occurrence of {@code secret} that is not glued to a letter or digit on a side
     * where the secret itself ends in one: a password "postgres" is hidden in {@code :postgres@} and
     * {@code "postgres"}, not inside the word "postgresql".
     */
    private static String replaceStandalone(String text, String secret) {
        StringBuilder sb = new StringBuilder(text.length());
        int from = 0;
        int at;
        boolean wordStart = Character.isLetterOrDigit(secret.charAt(0));
        boolean wordEnd = Character.isLetterOrDigit(secret.charAt(secret.length() - 1));
        while ((at = text.indexOf(secret, from)) >= 0) {
            int end = at + secret.length();
            boolean glued = (wordStart && at > 0 && Character.isLetterOrDigit(text.charAt(at - 1)))
                    || (wordEnd && end < text.length() && Character.isLetterOrDigit(text.charAt(end)));
            sb.append(text, from, at).append(glued ? secret : MASK);
            from = end;
        }
        return sb.append(text, from, text.length()).toString();
    }

    private static String replaceGroup(Pattern pattern, String text, int group) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int last = 0;
        do {
            String found = m.group(group);
            if (!found.isEmpty() && !MASK.equals(found) && !PLACEHOLDER.equals(found)) {
                sb.append(text, last, m.start(group)).append(MASK);
                last = m.end(group);
            }
        } while (m.find());
        sb.append(text, last, text.length());
        return sb.toString();
    }

    /**
     * A copy of the exception, safe to print or log: same class name, stack trace and chain of
     * causes and suppressed exceptions, with every message masked. Returns null for null.
     */
    public static MaskedException masked(Throwable t) {
        if (t == null) {
            return null;
        }
        if (t instanceof MaskedException already) {
            return already;
        }
        MaskedException copy = new MaskedException(t.getClass().getName(), mask(t.getMessage()), masked(t.getCause()));
        copy.setStackTrace(t.getStackTrace());
        for (Throwable s : t.getSuppressed()) {
            copy.addSuppressed(masked(s));
        }
        return copy;
    }

    /**
     * A one-line {@link UserError}: {@code context + ": " + (the root cause's first line)}, all
     * masked, with the masked exception chain attached as the cause.
     */
    public static UserError userError(String context, Throwable t) {
        return userError(context, t, null);
    }

    /** As {@link #userError(String, Throwable)}, followed by {@code "; " + fix} when fix is not null. */
    public static UserError userError(String context, Throwable t, String fix) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getMessage().lines().findFirst().orElse("").strip();
        String line = context + ": " + detail.replaceAll("\\.$", "") + (fix == null ? "" : "; " + fix);
        return new UserError(mask(line), masked(t));
    }

    /**
     * A print stream that masks each line before passing it to {@code target}. Install it as
     * {@code System.err}/{@code System.out} so that nothing printed by pgferry or its libraries
     * (slf4j-simple writes to {@code System.err}) can show a password.
     */
    public static PrintStream maskingStream(PrintStream target) {
        return new MaskingPrintStream(target);
    }

    /** A java.util.logging formatter that masks what {@code inner} produces. */
    public static Formatter maskingFormatter(Formatter inner) {
        return new Formatter() {
            @Override
            public String format(LogRecord record) {
                return mask(inner.format(record));
            }
        };
    }

    /**
     * Route everything printed through masking: {@code System.out}, {@code System.err} and the
     * formatters of the java.util.logging root handlers (which PgJDBC logs through). Idempotent.
     */
    public static synchronized void installEverywhere() {
        if (!(System.err instanceof MaskingPrintStream)) {
            System.setErr(new MaskingPrintStream(System.err));
        }
        if (!(System.out instanceof MaskingPrintStream)) {
            System.setOut(new MaskingPrintStream(System.out));
        }
        for (Handler h : LogManager.getLogManager().getLogger("").getHandlers()) {
            Formatter f = h.getFormatter();
            if (f != null && !(f instanceof MaskingFormatter)) {
                h.setFormatter(new MaskingFormatter(f));
            }
        }
    }

    /**
     * An exception standing in for another one whose message may have held a password. It prints
     * as the original would ({@code original.Class: masked message}).
     */
    public static final class MaskedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String originalClass;

        MaskedException(String originalClass, String maskedMessage, Throwable maskedCause) {
            super(maskedMessage, maskedCause);
            this.originalClass = originalClass;
        }

        /** Class name of the exception this one stands in for. */
        public String originalClass() {
            return originalClass;
        }

        @Override
        public String toString() {
            return getMessage() == null ? originalClass : originalClass + ": " + getMessage();
        }
    }

    private static final class MaskingFormatter extends Formatter {
        private final Formatter inner;

        MaskingFormatter(Formatter inner) {
            this.inner = inner;
        }

        @Override
        public String format(LogRecord record) {
            return mask(inner.format(record));
        }

        @Override
        public String getHead(Handler h) {
            return inner.getHead(h);
        }

        @Override
        public String getTail(Handler h) {
            return inner.getTail(h);
        }
    }

    private static final class MaskingPrintStream extends PrintStream {
        MaskingPrintStream(PrintStream target) {
            super(new MaskingOutputStream(target), true, StandardCharsets.UTF_8);
        }
    }

    /** Buffers one line, masks it, writes it on. A flush without a newline writes the partial line masked. */
    private static final class MaskingOutputStream extends OutputStream {
        private final PrintStream target;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        MaskingOutputStream(PrintStream target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') {
                emit();
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                write(b[off + i]);
            }
        }

        @Override
        public synchronized void flush() {
            emit();
            target.flush();
        }

        @Override
        public synchronized void close() {
            flush();
        }

        private void emit() {
            if (line.size() == 0) {
                return;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            target.print(mask(text));
        }
    }
}
