package dev.statamcp.fakestata.log;

import dev.statamcp.fakestata.commands.Call;
import dev.statamcp.fakestata.commands.Command;
import dev.statamcp.fakestata.commands.CommandTable;
import dev.statamcp.fakestata.commands.Syntax;
import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.lang.Dates;
import dev.statamcp.fakestata.out.Output;
import dev.statamcp.fakestata.out.Style;
import dev.statamcp.fakestata.results.ResultSet;
import dev.statamcp.fakestata.session.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/**
 * {@code log using file [, text smcl replace append name()]}, {@code log close [name|_all]}, {@code log off|on},
 * {@code log query}. One unnamed log and any number of named ones can be open at once; all receive all output.
 * The header and footer are printed as output, so {@code quietly} suppresses them.
 */
public final class LogCommand implements Command {

    @Override
    public void run(Call call) {
        String text = call.args().strip();
        String sub = text.split("\\s+", 2)[0];
        String rest = text.substring(sub.length()).strip();
        if (sub.isEmpty() || CommandTable.abbreviates(sub, "Query")) {
            query(call, rest);
        } else if (CommandTable.abbreviates(sub, "Using")) {
            open(call, rest);
        } else if (sub.equals("close")) {
            close(call, rest);
        } else if (sub.equals("off") || sub.equals("on")) {
            toggle(call, rest, sub.equals("on"));
        } else {
            throw StataError.of(198, "invalid syntax");
        }
    }

    private static void open(Call call, String rest) {
        Syntax syn = Syntax.parse(rest, "Text", "Smcl", "REPLACE", "Append", "Name", "NOMsg");
        Session s = call.session();
        LogSet logs = s.out().logs();
        String file = dev.statamcp.fakestata.lang.Quotes.strip(syn.main());
        if (file.isEmpty()) {
            throw StataError.of(100, "using required");
        }
        boolean text = syn.options().has("text");
        if (!file.contains(".") || file.lastIndexOf('.') < file.lastIndexOf('/')) {
            file = file + (text ? ".log" : ".smcl");
        }
        LogKind kind = text || (!syn.options().has("smcl") && file.toLowerCase(Locale.ROOT).endsWith(".log"))
                ? LogKind.TEXT : LogKind.SMCL;
        String name = syn.options().unquoted("name");
        if (name != null && name.isEmpty()) {
            throw StataError.of(198, "invalid syntax");
        }
        if (name == null ? logs.unnamed().isPresent() : logs.named(name).isPresent()) {
            throw StataError.of(604, "log file already open");
        }
        Path path = s.resolve(file);
        boolean append = syn.options().has("append");
        if (Files.exists(path) && !append && !syn.options().has("replace")) {
            throw StataError.of(602, "file " + path + " already exists");
        }
        boolean fresh = !append || !Files.exists(path) || sizeOf(path) == 0;
        LogFile log;
        try {
            log = LogFile.open(name, path, kind, append);
        } catch (IOException e) {
            throw StataError.of(603, "file " + path + " could not be opened");
        }
        Output out = s.out();
        boolean quiet = out.isQuiet() || syn.options().has("nomsg");
        String date = stamp();
        List<String> plain = header(log, "opened on", date, s.settings().linesize, true);
        if (!quiet) {
            for (String line : plain) {
                out.txt(line);
            }
        }
        logs.add(log);
        if (kind == LogKind.SMCL && fresh) {
            log.rawSmcl("{smcl}\n", null);
        }
        if (!quiet) {
            if (kind == LogKind.SMCL) {
                log.rawSmcl("{txt}{sf}{ul off}{.-}\n"
                        + "      name:  {res}" + log.displayName() + "\n"
                        + "       {txt}log:  {res}" + path + "\n"
                        + "  {txt}log type:  {res}smcl\n"
                        + " {txt}opened on:  {res}" + date + "\n"
                        + "{txt}", Style.TXT);
                log.newline();
            } else {
                for (String line : plain) {
                    log.text(Style.TXT, line);
                    log.newline();
                }
            }
        }
        log.flush();
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void close(Call call, String rest) {
        Session s = call.session();
        LogSet logs = s.out().logs();
        String target = rest.strip();
        List<LogFile> closing;
        if (target.equals("_all")) {
            closing = logs.all();
        } else if (target.isEmpty()) {
            closing = logs.unnamed().map(List::of).orElseGet(() ->
                    logs.all().size() == 1 ? logs.all() : List.of());
        } else {
            closing = logs.named(target).map(List::of).orElse(List.of());
        }
        if (closing.isEmpty() && !target.equals("_all")) {
            throw StataError.of(606, "no log file open");
        }
        Output out = s.out();
        for (LogFile log : closing) {
            if (!out.isQuiet()) {
                String date = stamp();
                List<String> plain = header(log, "closed on", date, s.settings().linesize, false);
                logs.remove(log);
                for (String line : plain) {
                    out.txt(line);
                }
                if (log.kind() == LogKind.SMCL) {
                    log.rawSmcl("      {txt}name:  {res}" + log.displayName() + "\n"
                            + "       {txt}log:  {res}" + log.path() + "\n"
                            + "  {txt}log type:  {res}smcl\n"
                            + " {txt}closed on:  {res}" + date + "\n"
                            + "{txt}{.-}\n{smcl}\n{txt}{sf}{ul off}", Style.TXT);
                } else {
                    for (String line : plain) {
                        log.text(Style.TXT, line);
                        log.newline();
                    }
                }
            } else {
                logs.remove(log);
                if (log.kind() == LogKind.SMCL) {
                    log.rawSmcl("{smcl}\n{txt}{sf}{ul off}", Style.TXT);
                }
            }
            log.close();
        }
    }

    private static void toggle(Call call, String rest, boolean on) {
        LogSet logs = call.session().out().logs();
        String target = rest.strip();
        LogFile log = target.isEmpty() ? logs.unnamed().orElse(null) : logs.named(target).orElse(null);
        if (log == null) {
            throw StataError.of(606, "no log file open");
        }
        log.setOn(on);
    }

    private static void query(Call call, String rest) {
        Session s = call.session();
        List<LogFile> all = s.out().logs().all();
        ResultSet r = s.r();
        r.clear();
        r.macros().put("numlogs", String.valueOf(all.size()));
        int i = 1;
        for (LogFile log : all) {
            r.macros().put("name" + i, log.displayName());
            r.macros().put("filename" + i, log.path().toString());
            r.macros().put("type" + i, log.kind().word());
            r.macros().put("status" + i, log.isOn() ? "on" : "off");
            i++;
        }
        if (all.isEmpty()) {
            s.out().txt("no log file open");
            return;
        }
        for (LogFile log : all) {
            if (!rest.isEmpty() && !rest.equals("_all") && !rest.equals(log.displayName())) {
                continue;
            }
            s.out().txt("      name:  " + log.displayName());
            s.out().txt("       log:  " + log.path());
            s.out().txt("  log type:  " + log.kind().word());
            s.out().txt("    status:  " + (log.isOn() ? "on" : "off"));
        }
    }

    /** The header or footer lines (plain form); the opening one starts with a rule, the closing one ends with it. */
    static List<String> header(LogFile log, String when, String date, int linesize, boolean opening) {
        String rule = "-".repeat(Math.max(1, linesize - 1));
        List<String> lines = new java.util.ArrayList<>();
        if (opening) {
            lines.add(rule);
        }
        lines.add("      name:  " + log.displayName());
        lines.add("       log:  " + log.path());
        lines.add("  log type:  " + log.kind().word());
        lines.add(" " + when + ":  " + date);
        if (!opening) {
            lines.add(rule);
        }
        return lines;
    }

    private static String stamp() {
        LocalDateTime now = LocalDateTime.now();
        return Dates.currentDate(now) + ", " + Dates.currentTime(now);
    }
}
