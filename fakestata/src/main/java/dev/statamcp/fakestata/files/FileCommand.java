package dev.statamcp.fakestata.files;

import dev.statamcp.fakestata.commands.Call;
import dev.statamcp.fakestata.commands.Options;
import dev.statamcp.fakestata.commands.Syntax;
import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.out.Style;
import dev.statamcp.fakestata.results.ResultSet;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stata's {@code file} command: {@code file open handle using filename, read|write|read write [text|binary]
 * [replace|append] [all]}, {@code file write}, {@code file read}, {@code file seek handle query|tof|eof|#},
 * {@code file set handle byteorder hilo|lohi|1|2}, {@code file close handle|_all} and {@code file query}. Only
 * {@code file read} and {@code file seek handle query} touch r(), so a program can write the results of an earlier
 * command to a file ({@code file write fh (r(mean))}) after opening it.
 */
public final class FileCommand {
    private FileCommand() {
    }

    public static void run(Call call) {
        String args = call.args().strip();
        String sub = firstWord(args);
        String rest = args.substring(sub.length()).strip();
        FileHandles files = call.session().files();
        switch (sub) {
            case "open" -> open(call, rest);
            case "write" -> {
                String handle = firstWord(rest);
                FileWrite.run(files.require(checked(handle)), rest.substring(handle.length()), call.interpreter());
            }
            case "read" -> {
                String handle = firstWord(rest);
                FileRead.run(files.require(checked(handle)), rest.substring(handle.length()), call);
            }
            case "close" -> {
                if (rest.equals("_all")) {
                    files.closeAll();
                } else if (rest.isEmpty() || rest.contains(" ")) {
                    throw StataError.of(198, "invalid syntax");
                } else {
                    files.close(checked(rest));
                }
            }
            case "seek" -> seek(call, rest);
            case "set" -> set(files, rest);
            case "query" -> {
                if (!rest.isEmpty()) {
                    throw StataError.of(198, "invalid syntax");
                }
                query(call);
            }
            case "" -> throw StataError.of(198, "invalid syntax");
            default -> throw StataError.of(198, "invalid file subcommand " + sub);
        }
    }

    private static void open(Call call, String rest) {
        Syntax syn = Syntax.parse(rest, "Read", "Write", "Text", "Binary", "replace", "append", "all");
        String handle = checked(syn.main());
        Options o = syn.options();
        boolean read = o.has("read");
        boolean write = o.has("write");
        if (syn.using() == null || syn.using().isEmpty()) {
            throw StataError.of(100, "using required");
        }
        if (!read && !write) {
            throw StataError.of(198, "read or write required");
        }
        if (o.has("text") && o.has("binary")) {
            throw StataError.of(198, "options text and binary may not be combined");
        }
        if (o.has("replace") && o.has("append")) {
            throw StataError.of(198, "options replace and append may not be combined");
        }
        if (!write && (o.has("replace") || o.has("append"))) {
            throw StataError.of(198, "option " + (o.has("replace") ? "replace" : "append")
                    + " allowed only with write");
        }
        FileHandles files = call.session().files();
        if (files.isOpen(handle)) {
            throw StataError.of(110, "file handle " + handle + " already exists");
        }
        String shown = syn.using();
        Path path = call.session().resolve(shown);
        OpenFile.Access access = read && write ? OpenFile.Access.READ_WRITE
                : read ? OpenFile.Access.READ : OpenFile.Access.WRITE;
        boolean exists = Files.exists(path);
        if (access == OpenFile.Access.READ && !exists) {
            throw StataError.of(601, "file " + shown + " not found");
        }
        if (access == OpenFile.Access.WRITE && exists && !o.has("replace") && !o.has("append")) {
            throw StataError.of(602, "file " + shown + " already exists");
        }
        if (Files.isDirectory(path)) {
            throw cannotOpen(shown);
        }
        try {
            RandomAccessFile raf = new RandomAccessFile(path.toFile(), access == OpenFile.Access.READ ? "r" : "rw");
            if (o.has("replace")) {
                raf.setLength(0);
            }
            long position = o.has("append") ? raf.length() : 0;
            files.add(new OpenFile(handle, path, access, o.has("binary"), raf, position));
        } catch (FileNotFoundException e) {
            throw cannotOpen(shown);
        } catch (IOException e) {
            throw cannotOpen(shown);
        }
    }

    private static StataError cannotOpen(String shown) {
        return StataError.of(603, "file " + shown + " could not be opened");
    }

    private static void seek(Call call, String rest) {
        String[] words = rest.split("\\s+");
        if (words.length != 2) {
            throw StataError.of(198, "invalid syntax");
        }
        OpenFile f = call.session().files().require(checked(words[0]));
        try {
            switch (words[1]) {
                case "query" -> {
                    ResultSet r = call.session().r();
                    r.clear();
                    r.scalars().put("loc", (double) f.position());
                }
                case "tof" -> f.seek(0);
                case "eof" -> f.seek(f.length());
                default -> {
                    double to = call.interpreter().evaluate(words[1]).asNumber();
                    if (to < 0 || to != Math.rint(to) || dev.statamcp.fakestata.lang.Missing.is(to)) {
                        throw StataError.of(198, "invalid syntax");
                    }
                    f.seek((long) to);
                }
            }
        } catch (IOException e) {
            throw StataError.of(691, "I/O error");
        }
    }

    private static void set(FileHandles files, String rest) {
        String[] words = rest.split("\\s+");
        if (words.length != 3 || !words[1].equals("byteorder")) {
            throw StataError.of(198, "invalid syntax");
        }
        OpenFile f = files.require(checked(words[0]));
        switch (words[2]) {
            case "hilo", "1" -> f.setHilo(true);
            case "lohi", "2" -> f.setHilo(false);
            default -> throw StataError.of(198, "invalid syntax");
        }
    }

    /** One line per open file: handle, how it was opened, the file. */
    private static void query(Call call) {
        var out = call.out();
        var all = call.session().files().all();
        if (all.isEmpty()) {
            out.println(Style.TXT, "  no files open");
            return;
        }
        for (OpenFile f : all) {
            String how = f.access().word() + " " + (f.binary() ? "binary" : "text");
            out.print(Style.TXT, "  handle ");
            out.print(Style.RES, String.format("%-12s", f.handle()));
            out.print(Style.TXT, " " + String.format("%-18s", how) + " ");
            out.println(Style.RES, f.path().toString());
        }
    }

    private static String firstWord(String s) {
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return s.substring(0, i);
    }

    /** A handle is a Stata name, as {@code tempname} gives. */
    private static String checked(String handle) {
        if (handle.isEmpty()) {
            throw StataError.of(198, "invalid syntax");
        }
        if (!handle.matches("[A-Za-z_][A-Za-z0-9_]{0,31}")) {
            throw StataError.of(198, handle + " invalid name");
        }
        return handle;
    }
}
