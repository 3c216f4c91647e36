package dev.statamcp.fakestata.ado;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files the emulated installation ships in its {@code ado/} folder (help files as SMCL {@code .sthlp}), kept
 * inside the jar under {@code dev/statamcp/fakestata/ado/} and listed in {@code index.txt} (a jar cannot be listed
 * portably). Read once, on first use.
 */
public final class BundledFiles {
    private static final String ROOT = "/dev/statamcp/fakestata/ado/";
    private static volatile BundledFiles instance;

    private final Map<String, byte[]> files;
    private final String hash;

    private BundledFiles(Map<String, byte[]> files) {
        this.files = files;
        this.hash = digest(files);
    }

    public static BundledFiles get() {
        BundledFiles b = instance;
        if (b == null) {
            synchronized (BundledFiles.class) {
                b = instance;
                if (b == null) {
                    b = load();
                    instance = b;
                }
            }
        }
        return b;
    }

    private static BundledFiles load() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] index = resource("index.txt");
        if (index != null) {
            for (String line : new String(index, StandardCharsets.UTF_8).split("\n")) {
                String rel = line.strip();
                if (rel.isEmpty() || rel.startsWith("#")) {
                    continue;
                }
                byte[] bytes = resource(rel);
                if (bytes == null) {
                    throw new IllegalStateException("bundled file listed but missing: " + rel);
                }
                files.put(rel, bytes);
            }
        }
        return new BundledFiles(files);
    }

    private static byte[] resource(String rel) {
        try (InputStream in = BundledFiles.class.getResourceAsStream(ROOT + rel)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    private static String digest(Map<String, byte[]> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(e.getValue());
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Paths relative to the {@code ado/} folder, e.g. {@code base/s/summarize.sthlp}. */
    public List<String> paths() {
        return List.copyOf(files.keySet());
    }

    /** The content of a bundled file, or null. */
    public byte[] read(String rel) {
        return files.get(rel);
    }

    /** A short digest of names and contents: a changed build gets a fresh folder. */
    public String hash() {
        return hash;
    }
}
