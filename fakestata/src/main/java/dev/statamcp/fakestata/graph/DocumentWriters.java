package dev.statamcp.fakestata.graph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Wraps vector drawing operators into a minimal, valid PDF 1.4 file or an EPS file. */
final class DocumentWriters {
    private DocumentWriters() {
    }

    static void pdf(Path file, String operators, double width, double height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        write(out, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        byte[] content = operators.getBytes(StandardCharsets.ISO_8859_1);
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            String.format(Locale.ROOT, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Contents 4 0 R "
                    + "/Resources << /Font << /F1 5 0 R >> >> >>", width, height),
            null,
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            "<< /Producer (fakestata, a Stata emulator) >>",
        };
        for (int i = 0; i < objects.length; i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n");
            if (objects[i] == null) {
                write(out, "<< /Length " + content.length + " >>\nstream\n");
                out.write(content);
                write(out, "\nendstream");
            } else {
                write(out, objects[i]);
            }
            write(out, "\nendobj\n");
        }
        int xref = out.size();
        write(out, "xref\n0 " + (objects.length + 1) + "\n0000000000 65535 f \n");
        for (int off : offsets) {
            write(out, String.format(Locale.ROOT, "%010d 00000 n \n", off));
        }
        write(out, "trailer\n<< /Size " + (objects.length + 1) + " /Root 1 0 R /Info 6 0 R >>\nstartxref\n" + xref
                + "\n%%EOF\n");
        Files.write(file, out.toByteArray());
    }

    static void eps(Path file, String operators, double width, double height) throws IOException {
        String doc = "%!PS-Adobe-3.0 EPSF-3.0\n"
                + String.format(Locale.ROOT, "%%%%BoundingBox: 0 0 %d %d\n", (int) Math.ceil(width),
                (int) Math.ceil(height))
                + "%%Creator: fakestata, a Stata emulator\n%%EndComments\n"
                + operators + "showpage\n%%EOF\n";
        Files.write(file, doc.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void write(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        out.write(b, 0, b.length);
    }
}
