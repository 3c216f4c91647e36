package dev.statamcp.fakestata.help;

import dev.statamcp.fakestata.ado.AdoPath;
import dev.statamcp.fakestata.commands.Call;
import dev.statamcp.fakestata.commands.CommandTable;
import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.out.Output;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code help topic}: finds {@code topic.sthlp} along the ado-path (the emulator's own pages are SMCL files in
 * BASE, the same files {@code findfile} finds; a user's page in the working folder or PERSONAL works too) and
 * prints it rendered as the console shows help. Command abbreviations lead to their page ({@code help reg}) and
 * {@code help replace} to generate's. A topic without a page is {@code help for xyz not found}, r(111).
 */
public final class HelpCommand {
    /** Commands whose page has another name, or that may be abbreviated (capitals: the shortest form). */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("SUmmarize", "summarize"), Map.entry("REGress", "regress"), Map.entry("DIsplay", "display"),
            Map.entry("Generate", "generate"), Map.entry("replace", "generate"), Map.entry("Describe", "describe"),
            Map.entry("List", "list"), Map.entry("codebook", "codebook"), Map.entry("findfile", "findfile"));

    private HelpCommand() {
    }

    public static void run(Call call) {
        String topic = call.args().strip().toLowerCase(Locale.ROOT);
        if (topic.isEmpty()) {
            topic = "help";
        }
        String page = topic;
        for (Map.Entry<String, String> e : ALIASES.entrySet()) {
            if (CommandTable.abbreviates(topic, e.getKey())) {
                page = e.getValue();
            }
        }
        byte[] smcl = page.matches("[a-z_][a-z0-9_]*") ? AdoPath.read(call.session(), page + ".sthlp") : null;
        if (smcl == null) {
            throw StataError.of(111, "help for " + topic + " not found\ntry help contents or search " + topic);
        }
        Output out = call.out();
        int width = Math.max(40, call.session().settings().linesize - 1);
        List<String> lines = SmclRenderer.render(new String(smcl, StandardCharsets.UTF_8), width);
        for (String line : lines) {
            call.session().poll();
            out.txt(line);
        }
    }
}
