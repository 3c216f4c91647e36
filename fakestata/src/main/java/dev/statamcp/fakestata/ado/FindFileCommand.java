package dev.statamcp.fakestata.ado;

import dev.statamcp.fakestata.commands.Call;
import dev.statamcp.fakestata.commands.Syntax;
import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.lang.Quotes;
import dev.statamcp.fakestata.results.ResultSet;
import dev.statamcp.fakestata.session.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code findfile filename [, path(path) nodescend all]}: searches the ado-path (or the given path) for a file,
 * prints where it is and stores that in {@code r(fn)}; with {@code all} every match is printed and r(fn) lists them
 * quoted. A file found nowhere is {@code file filename not found}, r(601).
 */
public final class FindFileCommand {
    private FindFileCommand() {
    }

    public static void run(Call call) {
        Syntax syn = call.syntax("Path", "NODEScend", "ALL");
        String file = Quotes.strip(syn.main());
        if (file.isEmpty() || syn.ifExp() != null || syn.inRange() != null || syn.using() != null) {
            throw StataError.of(198, "invalid syntax");
        }
        Session s = call.session();
        boolean all = syn.options().has("all");
        List<String> found;
        if (file.contains("/") || file.contains("\\")) {
            // a name with a folder is not searched for: it is there or not
            found = java.nio.file.Files.isRegularFile(s.resolve(file)) ? List.of(file) : List.of();
        } else {
            List<AdoPath.Entry> path = syn.options().has("path")
                    ? AdoPath.parse(s, Quotes.strip(syn.options().get("path"))) : AdoPath.of(s);
            found = AdoPath.find(s, path, file, !syn.options().has("nodescend"), all);
        }
        if (found.isEmpty()) {
            throw StataError.of(601, "file " + file + " not found");
        }
        ResultSet r = s.r();
        r.clear();
        List<String> quoted = new ArrayList<>();
        for (String f : found) {
            call.out().txt(f);
            quoted.add("\"" + f + "\"");
        }
        r.macros().put("fn", all ? String.join(" ", quoted) : found.get(0));
    }
}
