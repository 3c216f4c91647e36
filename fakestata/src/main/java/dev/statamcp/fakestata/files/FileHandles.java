package dev.statamcp.fakestata.files;

import dev.statamcp.fakestata.exec.StataError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The files a session has open with {@code file open}, by handle, in the order they were opened. */
public final class FileHandles {
    private final Map<String, OpenFile> open = new LinkedHashMap<>();

    public synchronized boolean isOpen(String handle) {
        return open.containsKey(handle);
    }

    synchronized void add(OpenFile f) {
        open.put(f.handle(), f);
    }

    /** The open file, or {@code file handle h not found}, r(111). */
    public synchronized OpenFile require(String handle) {
        OpenFile f = open.get(handle);
        if (f == null) {
            throw notFound(handle);
        }
        return f;
    }

    static StataError notFound(String handle) {
        return StataError.of(111, "file handle " + handle + " not found");
    }

    public synchronized Collection<OpenFile> all() {
        return List.copyOf(open.values());
    }

    /** Closes one file; its data reaches the disk. */
    public synchronized void close(String handle) {
        OpenFile f = require(handle);
        open.remove(handle);
        try {
            f.close();
        } catch (IOException e) {
            throw StataError.of(693, "file I/O error on write");
        }
    }

    /** {@code file close _all}, {@code clear all}. */
    public synchronized void closeAll() {
        List<OpenFile> files = new ArrayList<>(open.values());
        open.clear();
        for (OpenFile f : files) {
            try {
                f.close();
            } catch (IOException e) {
                // closing everything goes on; a file that cannot be written has nothing more to give
            }
        }
    }

    /** Puts what was written on disk without closing (the process is ending). */
    public synchronized void flushAll() {
        for (OpenFile f : open.values()) {
            try {
                f.flush();
            } catch (IOException e) {
                // the process is ending; there is nobody left to tell
            }
        }
    }
}
