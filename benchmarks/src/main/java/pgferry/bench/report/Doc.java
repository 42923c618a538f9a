package pgferry.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A report as a list of blocks, rendered as Markdown and as one self-contained HTML page (charts inlined). */
public final class Doc {
    private sealed interface Block permits Heading, Para, Table, Image, Bullets {
    }

    private record Heading(int level, String text) implements Block {
    }

    private record Para(String text) implements Block {
    }

    private record Table(List<String> header, List<List<String>> rows) implements Block {
    }

    private record Image(String relPath, String alt) implements Block {
    }

    private record Bullets(List<String> items) implements Block {
    }

    private final List<Block> blocks = new ArrayList<>();

    public Doc heading(int level, String text) {
        blocks.add(new Heading(level, text));
        return this;
    }

    public Doc para(String text) {
        blocks.add(new Para(text));
        return this;
    }

    public Doc table(List<String> header, List<List<String>> rows) {
        blocks.add(new Table(List.copyOf(header), rows.stream().map(List::copyOf).toList()));
        return this;
    }

    public Doc image(String relPath, String alt) {
        blocks.add(new Image(relPath, alt));
        return this;
    }

    public Doc bullets(List<String> items) {
        blocks.add(new Bullets(List.copyOf(items)));
        return this;
    }

    public String markdown() {
        StringBuilder b = new StringBuilder();
        for (Block block : blocks) {
            if (block instanceof Heading h) {
                b.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
            } else if (block instanceof Para p) {
                b.append(p.text()).append("\n\n");
            } else if (block instanceof Table t) {
                {
                    b.append("| ").append(String.join(" | ", t.header())).append(" |\n|");
                    b.append(" --- |".repeat(t.header().size())).append('\n');
                    for (List<String> r : t.rows()) {
                        b.append("| ").append(String.join(" | ", r.stream().map(c -> c.replace("|", "\\|")).toList())).append(" |\n");
                    }
                    b.append('\n');
                }
            } else if (block instanceof Image i) {
                b.append("![").append(i.alt()).append("](").append(i.relPath()).append(")\n\n");
            } else if (block instanceof Bullets l) {
                for (String item : l.items()) {
                    b.append("- ").append(item).append('\n');
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    /** HTML; images are read from {@code base} and inlined when they are SVG. */
    public String html(String title, Path base) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(title)).append("</title>\n<style>body{font-family:system-ui,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}"
                        + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}"
                        + "td:first-child,th:first-child{text-align:left}code{background:#f4f4f4;padding:0 3px}</style></head><body>\n");
        for (Block block : blocks) {
            if (block instanceof Heading h) {
                b.append("<h").append(h.level()).append('>').append(inline(h.text())).append("</h").append(h.level()).append(">\n");
            } else if (block instanceof Para p) {
                b.append("<p>").append(inline(p.text())).append("</p>\n");
            } else if (block instanceof Table t) {
                {
                    b.append("<table><thead><tr>");
                    t.header().forEach(c -> b.append("<th>").append(inline(c)).append("</th>"));
                    b.append("</tr></thead><tbody>\n");
                    for (List<String> r : t.rows()) {
                        b.append("<tr>");
                        r.forEach(c -> b.append("<td>").append(inline(c)).append("</td>"));
                        b.append("</tr>\n");
                    }
                    b.append("</tbody></table>\n");
                }
            } else if (block instanceof Image i) {
                {
                    Path f = base.resolve(i.relPath());
                    if (i.relPath().endsWith(".svg") && Files.isRegularFile(f)) {
                        try {
                            String svg = Files.readString(f, StandardCharsets.UTF_8);
                            int start = svg.indexOf("<svg");
                            b.append("<figure>").append(start >= 0 ? svg.substring(start) : svg).append("<figcaption>")
                                    .append(esc(i.alt())).append("</figcaption></figure>\n");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    } else {
                        b.append("<img src=\"").append(esc(i.relPath())).append("\" alt=\"").append(esc(i.alt())).append("\">\n");
                    }
                }
            } else if (block instanceof Bullets l) {
                b.append("<ul>");
                l.items().forEach(item -> b.append("<li>").append(inline(item)).append("</li>"));
                b.append("</ul>\n");
            }
        }
        return b.append("</body></html>\n").toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Markdown's `code` and **bold** as HTML; everything else escaped. */
    static String inline(String s) {
        String e = esc(s);
        e = e.replaceAll("`([^`]+)`", "<code>$1</code>");
        return e.replaceAll("\\*\\*([^*]+)\\*\\*", "<strong>$1</strong>");
    }
}
