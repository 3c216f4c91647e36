package dev.statamcp.fakestata.commands;

import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.session.Program;
import dev.statamcp.fakestata.session.Session;

/** {@code program drop name|_all}, {@code program dir}, {@code program list [name]} (definition is a block). */
public final class ProgramCommand {
    private ProgramCommand() {
    }

    public static void run(Call call) {
        String[] w = call.args().strip().split("\\s+");
        Session s = call.session();
        switch (w[0]) {
            case "drop" -> {
                for (int i = 1; i < w.length; i++) {
                    if (w[i].equals("_all") || w[i].equals("_allado")) {
                        s.programs().clear();
                    } else if (s.programs().remove(w[i]) == null) {
                        throw StataError.of(111, "program " + w[i] + " not found");
                    }
                }
            }
            case "dir" -> {
                for (Program p : s.programs().values()) {
                    call.out().txt(String.format("%10s %s", "", p.name()));
                }
            }
            case "list" -> {
                for (Program p : s.programs().values()) {
                    if (w.length > 1 && !w[1].equals("_all") && !w[1].equals(p.name())) {
                        continue;
                    }
                    call.out().newline();
                    call.out().txt(p.name() + (p.rclass().isEmpty() ? "" : ", " + p.rclass() + "class") + ":");
                    int n = 1;
                    for (String line : p.body()) {
                        call.out().txt(String.format("%3d.  %s", n++, line.strip()));
                    }
                }
            }
            default -> throw StataError.of(198, "invalid syntax");
        }
    }
}
