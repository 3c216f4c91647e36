package dev.statamcp.fakestata.data;

import dev.statamcp.fakestata.out.Output;
import dev.statamcp.fakestata.session.Session;

/** The notes commands print about the files they write, worded per Stata version. */
public final class FileNotes {
    private FileNotes() {
    }

    /** With {@code replace} on a file that does not exist yet. */
    public static void notFound(Session s, String shown) {
        s.out().txt(s.version() >= 17 ? "(file " + shown + " not found)" : "(note: file " + shown + " not found)");
    }

    public static void saved(Output out, String shown) {
        out.txt("file " + shown + " saved");
    }
}
