package dev.statamcp.fakestata.help;

import dev.statamcp.fakestata.commands.Call;
import dev.statamcp.fakestata.commands.CommandTable;
import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.out.Output;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code help topic}: prints a help page as the console shows one (SMCL rendered to text, framed by rules), for
 * the few commands the emulator has pages for; any other topic gives {@code help for xyz not found}, r(111).
 */
public final class HelpCommand {
    /** Topic -> page, with the abbreviation each command accepts (capitals). */
    private static final Map<String, String> TOPICS = Map.of(
            "SUmmarize", "summarize", "REGress", "regress", "DIsplay", "display", "Generate", "generate",
            "replace", "generate", "Describe", "describe", "List", "list");

    private HelpCommand() {
    }

    public static void run(Call call) {
        String topic = call.args().strip().toLowerCase(java.util.Locale.ROOT);
        if (topic.isEmpty()) {
            topic = "help";
        }
        String page = null;
        for (Map.Entry<String, String> e : TOPICS.entrySet()) {
            if (CommandTable.abbreviates(topic, e.getKey())) {
                page = e.getValue();
            }
        }
        String text = page == null ? null : load(page);
        if (text == null) {
            throw StataError.of(111, "help for " + topic + " not found\ntry help contents or search " + topic);
        }
        Output out = call.out();
        int width = Math.max(40, call.session().settings().linesize - 1);
        String rule = "-".repeat(width);
        String head = "help " + page;
        String dialog = "dialog:  " + page;
        out.txt(rule);
        out.txt(head + " ".repeat(Math.max(1, width - head.length() - dialog.length())) + dialog);
        out.txt(rule);
        out.newline();
        String[] lines = text.split("\n", -1);
        out.txt("Title");
        out.newline();
        out.txt("    " + lines[0]);
        for (int i = 1; i < lines.length; i++) {
            if (i == lines.length - 1 && lines[i].isEmpty()) {
                break;
            }
            call.session().poll();
            out.txt(lines[i]);
        }
    }

    private static String load(String page) {
        try (InputStream in = HelpCommand.class.getResourceAsStream("/dev/statamcp/fakestata/help/" + page + ".txt")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
