package dev.statamcp.fakestata.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The emulator's own dataset file format for {@code save} and {@code use} (real .dta files are not read: they
 * give r(610) like any file that is not in this format). A magic line, then labels and columns.
 */
public final class DataFile {
    private static final byte[] MAGIC = "FAKESTATA-DTA 1\n".getBytes(StandardCharsets.US_ASCII);

    private DataFile() {
    }

    /** Whether the file starts with this format's magic line. */
    public static boolean isOurs(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(MAGIC.length);
            return java.util.Arrays.equals(head, MAGIC);
        }
    }

    public static void write(Dataset data, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            out.write(MAGIC);
            out.writeUTF(data.label());
            out.writeUTF(data.timestamp());
            out.writeUTF(String.join(" ", data.sortedBy()));
            out.writeInt(data.valueLabels().size());
            for (ValueLabel vl : data.valueLabels().values()) {
                out.writeUTF(vl.name());
                out.writeInt(vl.labels().size());
                for (Map.Entry<Double, String> e : vl.labels().entrySet()) {
                    out.writeDouble(e.getKey());
                    out.writeUTF(e.getValue());
                }
            }
            int n = data.n();
            out.writeInt(n);
            out.writeInt(data.k());
            for (Variable v : data.variables()) {
                out.writeUTF(v.name());
                out.writeUTF(v.type().name());
                out.writeUTF(v.format());
                out.writeUTF(v.label());
                out.writeUTF(v.valueLabel());
                for (int i = 0; i < n; i++) {
                    if (v.isString()) {
                        byte[] b = v.str(i).getBytes(StandardCharsets.UTF_8);
                        out.writeInt(b.length);
                        out.write(b);
                    } else {
                        out.writeDouble(v.num(i));
                    }
                }
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    public static void read(Dataset data, Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            in.readNBytes(MAGIC.length);
            String label = in.readUTF();
            String stamp = in.readUTF();
            String sorted = in.readUTF();
            data.clear();
            int labels = in.readInt();
            for (int i = 0; i < labels; i++) {
                ValueLabel vl = new ValueLabel(in.readUTF());
                int m = in.readInt();
                for (int j = 0; j < m; j++) {
                    vl.labels().put(in.readDouble(), in.readUTF());
                }
                data.valueLabels().put(vl.name(), vl);
            }
            int n = in.readInt();
            int k = in.readInt();
            List<Variable> vars = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                String name = in.readUTF();
                StorageType t = StorageType.parse(in.readUTF());
                Variable v = data.add(name, t);
                v.setFormat(in.readUTF());
                v.setLabel(in.readUTF());
                v.setValueLabel(in.readUTF());
                v.ensureCapacity(n);
                for (int i = 0; i < n; i++) {
                    if (t.isString()) {
                        v.set(i, new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8));
                    } else {
                        v.set(i, in.readDouble());
                    }
                }
                vars.add(v);
            }
            data.setN(n);
            data.setLabel(label);
            data.setTimestamp(stamp);
            data.setSortedBy(sorted.isEmpty() ? List.of() : List.of(sorted.split(" ")));
        }
    }
}
