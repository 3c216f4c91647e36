package dev.statamcp.fakestata.commands;

import dev.statamcp.fakestata.exec.BreakError;
import dev.statamcp.fakestata.exec.ErrorMessages;
import dev.statamcp.fakestata.exec.ExitSignal;
import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.lang.EvalContext;
import dev.statamcp.fakestata.lang.Expr;
import dev.statamcp.fakestata.lang.Quotes;
import dev.statamcp.fakestata.lang.Value;
import dev.statamcp.fakestata.session.Session;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code exit}, {@code error}, {@code assert}, {@code version}, {@code sleep}, {@code pwd}, {@code cd}. */
public final class ControlCommands {
    private ControlCommands() {
    }

    /**
     * {@code exit [N] [, clear STATA]}: a non-zero N is a return code (what {@code capture exit N} uses to set
     * {@code _rc}); otherwise it leaves the do-file or program, or the emulator at the console.
     */
    public static void exit(Call call) {
        Syntax syn = call.syntax("clear", "STATA");
        int rc = 0;
        if (!syn.main().isEmpty()) {
            Value v = call.interpreter().evaluate(syn.main());
            if (v.isString()) {
                throw StataError.of(109, "type mismatch");
            }
            rc = (int) v.asNumber();
        }
        boolean stata = syn.options().has("stata");
        if (rc != 0 && !stata) {
            throw StataError.silent(rc);
        }
        throw new ExitSignal(rc, stata, syn.options().has("clear"));
    }

    /** {@code error N}: fails with return code N and its standard message. */
    public static void error(Call call) {
        String arg = call.args().strip();
        if (arg.isEmpty()) {
            throw StataError.of(198, "invalid syntax");
        }
        Value v = call.interpreter().evaluate(arg);
        int rc = (int) v.asNumber();
        if (rc == 0) {
            return;
        }
        if (rc == 1) {
            throw new BreakError();
        }
        throw StataError.of(rc, ErrorMessages.of(rc));
    }

    /** {@code assert exp}: every observation must satisfy it. */
    public static void assertion(Call call) {
        Syntax syn = call.syntax("RC0", "NULLok", "Fast");
        Session s = call.session();
        String exp = syn.main();
        if (syn.ifExp() != null) {
            exp = "(" + exp + ") | !(" + syn.ifExp() + ")";
        }
        Expr e = call.interpreter().compile(exp);
        if (e.isString()) {
            throw StataError.of(109, "type mismatch");
        }
        int n = s.data().n();
        EvalContext c = new EvalContext(0, n);
        int failures = 0;
        if (n == 0) {
            if (e.num(c) == 0) {
                failures = 1;
            }
        }
        for (int i = 0; i < n; i++) {
            c.obs = i;
            if (e.num(c) == 0) {
                failures++;
            }
        }
        if (failures > 0) {
            String count = n == 0 ? "" : failures + " contradiction" + (failures == 1 ? "" : "s") + " in "
                    + dev.statamcp.fakestata.lang.NumberFormat.commas(n) + " observation" + (n == 1 ? "" : "s")
                    + "\n";
            throw StataError.of(9, count + "assertion is false");
        }
    }

    /** {@code version [#] [: command]}. */
    public static void version(Call call) {
        String a = call.args().strip();
        Session s = call.session();
        int colon = a.indexOf(':');
        if (colon >= 0) {
            call.interpreter().execute(a.substring(colon + 1), call.frame(),
                    new dev.statamcp.fakestata.script.BodySource(java.util.List.of()));
            return;
        }
        if (a.isEmpty()) {
            call.out().txt("version " + String.format("%.1f", s.settings().versionSetting));
            return;
        }
        try {
            double v = Double.parseDouble(a);
            if (v < 1 || v > s.version()) {
                throw StataError.of(9, "this is version " + s.version() + " of Stata; it cannot run version " + a
                        + " programs");
            }
            s.settings().versionSetting = v;
        } catch (NumberFormatException e) {
            throw StataError.of(198, "invalid syntax");
        }
    }

    /** {@code sleep ms}: waits; Break ends it at once. */
    public static void sleep(Call call) {
        String a = call.args().strip();
        if (a.isEmpty()) {
            throw StataError.of(198, "invalid syntax");
        }
        double ms = call.interpreter().evaluate(a).asNumber();
        call.out().beginWait();
        try {
            call.session().breakFlag().sleep((long) Math.max(0, ms));
        } finally {
            call.out().endWait();
        }
    }

    public static void pwd(Call call) {
        call.out().txt(call.session().pwd().toString());
    }

    /** {@code cd [dir]}: changes the working directory (files are resolved against it) and shows it. */
    public static void cd(Call call) {
        String a = Quotes.strip(call.args().strip());
        Session s = call.session();
        Path target = a.isEmpty() ? Path.of(System.getProperty("user.home")) : s.resolve(a);
        if (!Files.isDirectory(target)) {
            throw StataError.of(170, "unable to change to " + target);
        }
        s.setPwd(target.toAbsolutePath().normalize());
        call.out().txt(s.pwd().toString());
    }
}
