package dev.statamcp.fakestata.data;

import dev.statamcp.fakestata.commands.Call;
import dev.statamcp.fakestata.commands.Syntax;
import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.lang.Quotes;
import dev.statamcp.fakestata.session.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** {@code sysuse auto|dir}, {@code use file [, clear]} and {@code save [file] [, replace]}. */
public final class UseSaveCommands {
    private UseSaveCommands() {
    }

    public static void sysuse(Call call) {
        Syntax syn = call.syntax("clear");
        Session s = call.session();
        String name = Quotes.strip(syn.main()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".dta")) {
            name = name.substring(0, name.length() - 4);
        }
        if (name.equals("dir")) {
            call.out().txt("  auto.dta");
            return;
        }
        if (!name.equals("auto")) {
            throw StataError.of(601, "file \"" + name + ".dta\" not found");
        }
        requireUnchanged(s, syn);
        AutoDataset.load(s.data(), s.version());
        call.out().txt("(" + s.data().label() + ")");
    }

    public static void use(Call call) {
        Syntax syn = call.syntax("clear", "NOLabel");
        Session s = call.session();
        String file = Quotes.strip(syn.main());
        if (file.isEmpty() && syn.using() != null) {
            file = syn.using();
        }
        if (file.isEmpty()) {
            throw StataError.of(198, "invalid file specification");
        }
        requireUnchanged(s, syn);
        String shown = withDta(file);
        Path path = s.resolve(shown);
        if (!Files.isRegularFile(path)) {
            throw StataError.of(601, "file " + shown + " not found");
        }
        try {
            if (!DataFile.isOurs(path)) {
                throw StataError.of(610, "file " + shown + " not Stata format");
            }
            DataFile.read(s.data(), path);
        } catch (IOException e) {
            throw StataError.of(692, "file I/O error on read");
        }
        s.data().setFilename(path.toString());
        s.data().setChanged(false);
        if (!s.data().label().isEmpty()) {
            call.out().txt("(" + s.data().label() + ")");
        }
    }

    public static void save(Call call) {
        Syntax syn = call.syntax("replace", "EMPTYok", "Version");
        Session s = call.session();
        String file = Quotes.strip(syn.main());
        if (file.isEmpty()) {
            file = s.data().filename();
            if (file.isEmpty()) {
                throw StataError.of(198, "invalid file specification");
            }
        }
        if (s.data().k() == 0 && !syn.options().has("emptyok")) {
            throw StataError.of(2000, "no variables defined");
        }
        String shown = withDta(file);
        Path path = s.resolve(shown);
        boolean exists = Files.exists(path);
        if (exists && !syn.options().has("replace")) {
            throw StataError.of(602, "file " + shown + " already exists");
        }
        if (!exists && syn.options().has("replace")) {
            FileNotes.notFound(s, shown);
        }
        try {
            s.data().setTimestamp(LocalDateTime.now().format(DateTimeFormatter.ofPattern("d MMM yyyy HH:mm",
                    Locale.ENGLISH)));
            DataFile.write(s.data(), path);
        } catch (IOException e) {
            throw StataError.of(603, "file " + shown + " could not be opened");
        }
        s.data().setFilename(path.toString());
        s.data().setChanged(false);
        FileNotes.saved(call.out(), shown);
    }

    private static void requireUnchanged(Session s, Syntax syn) {
        if (s.data().changed() && !syn.options().has("clear")) {
            throw StataError.of(4, "no; dataset in memory has changed since last saved");
        }
    }

    static String withDta(String file) {
        String base = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        return base.contains(".") ? file : file + ".dta";
    }
}
