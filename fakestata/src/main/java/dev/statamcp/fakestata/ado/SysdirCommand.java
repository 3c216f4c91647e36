package dev.statamcp.fakestata.ado;

import dev.statamcp.fakestata.commands.Call;
import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.lang.Quotes;
import dev.statamcp.fakestata.session.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sysdir [list]}: the system folders; {@code adopath}: the numbered ado-path, and {@code adopath + dir},
 * {@code adopath ++ dir} (first), {@code adopath - dir|#}, which edit the global S_ADO as Stata does.
 */
public final class SysdirCommand {
    private static final String[] CODEWORDS = {"STATA", "BASE", "SITE", "PLUS", "PERSONAL", "OLDPLACE"};

    private SysdirCommand() {
    }

    public static void sysdir(Call call) {
        String args = call.args().strip();
        if (!args.isEmpty() && !args.equals("list")) {
            throw StataError.of(198, "invalid syntax");
        }
        SystemDirs sys = SystemDirs.of(call.session().switches());
        for (String w : CODEWORDS) {
            call.out().txt(String.format("%8s:  %s", w, SystemDirs.shown(sys.codeword(w))));
        }
    }

    public static void adopath(Call call) {
        Session s = call.session();
        String args = call.args().strip();
        if (args.startsWith("++") || args.startsWith("+") || args.startsWith("-")) {
            edit(s, args);
        } else if (!args.isEmpty()) {
            throw StataError.of(198, "invalid syntax");
        }
        List<AdoPath.Entry> path = AdoPath.of(s);
        for (int i = 0; i < path.size(); i++) {
            AdoPath.Entry e = path.get(i);
            String word = e.codeword() ? "(" + e.written() + ")" : "";
            String dir = e.codeword() ? SystemDirs.shown(e.dir()) : e.written();
            call.out().txt(String.format("  [%d]  %-10s  \"%s\"", i + 1, word, dir));
        }
    }

    private static void edit(Session s, String args) {
        String op = args.startsWith("++") ? "++" : args.substring(0, 1);
        String dir = Quotes.strip(args.substring(op.length()).strip());
        if (dir.isEmpty()) {
            throw StataError.of(198, "invalid syntax");
        }
        List<String> parts = new ArrayList<>();
        for (String p : s.globals().getOrDefault("S_ADO", "").split(";")) {
            if (!p.isBlank()) {
                parts.add(p.strip());
            }
        }
        if (op.equals("-")) {
            boolean removed;
            if (dir.matches("\\d+")) {
                int i = Integer.parseInt(dir) - 1;
                removed = i >= 0 && i < parts.size();
                if (removed) {
                    parts.remove(i);
                }
            } else {
                removed = parts.remove(dir);
            }
            if (!removed) {
                throw StataError.of(111, "\"" + dir + "\" not found in adopath");
            }
        } else {
            parts.remove(dir);
            parts.add(op.equals("++") ? 0 : parts.size(), dir);
        }
        s.globals().put("S_ADO", String.join(";", parts));
    }
}
