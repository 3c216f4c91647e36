package dev.statamcp.fakestata.files;

import dev.statamcp.fakestata.commands.Call;
import dev.statamcp.fakestata.exec.StataError;
import dev.statamcp.fakestata.lang.Lexer;
import dev.statamcp.fakestata.lang.Token;
import dev.statamcp.fakestata.lang.Value;
import dev.statamcp.fakestata.results.ResultSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code file read handle specs}. A text file reads one line into a local macro, without its terminator, and
 * stores {@code r(eof)} (1 when there was no line left, the macro then being empty) and {@code r(status)}:
 * {@code unix}, {@code win} or {@code mac} by the terminator found, {@code none} for a last line without one,
 * {@code eof} at the end. A binary file reads {@code %8z}, {@code %4z}, {@code %#b[s|u]} into scalars and
 * {@code %#s} into local macros; r(eof) becomes 1 when the file ends before a value is complete, and that value
 * and the ones after it are not stored. As Stata's r-class commands do, it replaces all of r().
 */
final class FileRead {
    private FileRead() {
    }

    static void run(OpenFile f, String specs, Call call) {
        if (!f.canRead()) {
            throw StataError.of(198, "file handle " + f.handle() + " was opened write-only");
        }
        try {
            if (f.binary()) {
                binary(f, specs, call);
            } else {
                text(f, specs, call);
            }
        } catch (IOException e) {
            throw StataError.of(692, "file I/O error on read");
        }
    }

    private static void text(OpenFile f, String specs, Call call) throws IOException {
        String name = specs.strip();
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,30}")) {
            throw StataError.of(198, name.isEmpty() ? "invalid syntax" : name + " invalid name");
        }
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        String status;
        int b = f.readByte();
        if (b < 0) {
            status = "eof";
        } else {
            while (true) {
                if (b < 0) {
                    status = "none";
                    break;
                }
                if (b == '\n') {
                    status = "unix";
                    break;
                }
                if (b == '\r') {
                    int next = f.readByte();
                    if (next == '\n') {
                        status = "win";
                    } else {
                        if (next >= 0) {
                            f.unread();
                        }
                        status = "mac";
                    }
                    break;
                }
                line.write(b);
                b = f.readByte();
            }
        }
        call.frame().set(name, line.toString(StandardCharsets.UTF_8));
        store(call, status.equals("eof"), status);
    }

    private static void binary(OpenFile f, String specs, Call call) throws IOException {
        List<Token> tokens = Lexer.tokenize(specs);
        int pos = 0;
        boolean eof = false;
        while (tokens.get(pos).kind() != Token.Kind.EOF) {
            Token spec = tokens.get(pos);
            Token name = tokens.get(pos + 1);
            if (spec.kind() != Token.Kind.FORMAT || name.kind() != Token.Kind.IDENT) {
                throw StataError.of(198, "invalid syntax");
            }
            BinaryCodec codec = BinaryCodec.parse(spec.text());
            pos += 2;
            if (eof) {
                continue;
            }
            byte[] bytes = f.readBytes(codec.size());
            if (bytes.length < codec.size()) {
                eof = true;
                continue;
            }
            if (codec.isString()) {
                call.frame().set(name.text(), codec.decodeString(bytes));
            } else {
                call.session().scalars().put(name.text(), Value.num(codec.decodeNumber(bytes, f.hilo())));
            }
        }
        store(call, eof, null);
    }

    private static void store(Call call, boolean eof, String status) {
        ResultSet r = call.session().r();
        r.clear();
        r.scalars().put("eof", eof ? 1.0 : 0.0);
        if (status != null) {
            r.macros().put("status", status);
        }
    }
}
