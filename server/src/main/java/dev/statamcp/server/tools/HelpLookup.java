package dev.statamcp.server.tools;

import dev.statamcp.server.app.StataEngine;
import dev.statamcp.server.help.SmclToMarkdown;
import dev.statamcp.stata.discovery.StataInstallation;
import dev.statamcp.stata.paths.StataQuoting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Finds Stata's help for a topic as Markdown. First on disk, where Stata keeps its help files
 * ({@code <root>/ado/base/r/regress.sthlp}, updates, and the user's {@code ~/ado/plus} and {@code personal}),
 * which needs no session; then by asking a session ({@code findfile}); and when no SMCL file exists, the text
 * Stata's console prints for {@code help topic}. Converted pages are kept in memory.
 */
final class HelpLookup {
    static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_ .-]{0,63}");

    private final StataEngine engine;
    private final SessionQueries queries;
    private final Map<String, Page> cache = new ConcurrentHashMap<>();

    HelpLookup(StataEngine engine, SessionQueries queries) {
        this.engine = engine;
        this.queries = queries;
    }

    /** A help page: Markdown, and where it came from. */
    record Page(String topic, String markdown, String source) {
    }

    /** The page, or empty when Stata has no help for the topic. */
    Optional<Page> find(String topic) throws InterruptedException {
        String key = topic.strip().toLowerCase(Locale.ROOT);
        Page cached = cache.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        String file = key.replace(' ', '_') + ".sthlp";
        Optional<Path> onDisk = onDisk(engine.installation(), file);
        if (onDisk.isEmpty()) {
            onDisk = findfile(file);
        }
        Page page;
        if (onDisk.isPresent()) {
            try {
                page = new Page(key, SmclToMarkdown.convert(Files.readString(onDisk.get(), StandardCharsets.UTF_8)),
                        onDisk.get().toString());
            } catch (IOException e) {
                page = null;
            }
        } else {
            page = null;
        }
        if (page == null) {
            page = consoleHelp(key);
        }
        if (page != null) {
            cache.put(key, page);
        }
        return Optional.ofNullable(page);
    }

    static Optional<Path> onDisk(StataInstallation stata, String file) {
        List<Path> dirs = new ArrayList<>();
        for (Path dir = stata.binary().toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("ado/base"))) {
                String letter = file.substring(0, 1);
                dirs.add(dir.resolve("ado/updates").resolve(letter));
                dirs.add(dir.resolve("ado/base").resolve(letter));
                break;
            }
        }
        Path home = Path.of(System.getProperty("user.home"));
        dirs.add(home.resolve("ado/plus").resolve(file.substring(0, 1)));
        dirs.add(home.resolve("ado/personal"));
        return dirs.stream().map(d -> d.resolve(file)).filter(Files::isRegularFile).findFirst();
    }

    private Optional<Path> findfile(String file) throws InterruptedException {
        try (SessionQueries.Answer a = queries.run("default", out -> "capture findfile " + file + "\n"
                + "capture file close _smcpfh\n"
                + "file open _smcpfh using " + StataQuoting.quote(out) + ", write replace text\n"
                + "file write _smcpfh `\"`r(fn)'\"' _n\n"
                + "file close _smcpfh\n", true)) {
            if (!Files.isRegularFile(a.file())) {
                return Optional.empty();
            }
            String found = Files.readString(a.file(), StandardCharsets.UTF_8).strip();
            return found.isEmpty() ? Optional.empty() : Optional.of(Path.of(found)).filter(Files::isRegularFile);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Page consoleHelp(String topic) throws InterruptedException {
        try (SessionQueries.Answer a = queries.run("default", out -> "help " + topic + "\n", false)) {
            if (QueryText.error(a.result()) != null) {
                return null;
            }
            String text = QueryText.of(a.result());
            if (text.isBlank() || text.contains("help for " + topic + " not found")) {
                return null;
            }
            return new Page(topic, consoleToMarkdown(text), "Stata's console help");
        }
    }

    /** Console help: a rule line, headings flush left, indented text; headings become Markdown headings. */
    static String consoleToMarkdown(String text) {
        StringBuilder md = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.matches("-{20,}")) {
                continue;
            }
            boolean heading = !line.isBlank() && !Character.isWhitespace(line.charAt(0)) && line.length() < 60
                    && !line.startsWith("help ") && Character.isUpperCase(line.charAt(0));
            md.append(heading ? "## " + line.strip() : line.stripTrailing()).append('\n');
        }
        return md.toString().strip();
    }
}
