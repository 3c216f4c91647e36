package dev.statamcp.fakestata;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** Graphs in memory and their export to real PNG, SVG, PDF and EPS files of the requested size. */
class GraphExportTest {

    @Test
    void scatterOfAVariableAgainstItselfDrawsItsPointsOnTheDiagonal() {
        InProcess e = new InProcess();
        String out = e.output("sysuse auto", "scatter mpg mpg", "twoway (scatter price price) (line mpg mpg), "
                + "name(both)", "graph dir");
        assertThat(out).endsWith("""
                . scatter mpg mpg

                . twoway (scatter price price) (line mpg mpg), name(both)

                . graph dir
                  Graph  both

                """);
        var g = e.session().graphs().get("Graph");
        assertThat(g.series()).hasSize(1);
        assertThat(g.series().get(0).x()).hasSize(74).containsExactly(g.series().get(0).y());
        assertThat(g.xTitle()).isEqualTo("Mileage (mpg)");
        assertThat(g.yTitle()).isEqualTo("Mileage (mpg)");
        var both = e.session().graphs().get("both");
        assertThat(both.series()).hasSize(2);
        assertThat(both.series().get(1).x()).containsExactly(both.series().get(1).y());
    }

    @Test
    void pngDecodesWithRequestedSizeAndIsNotBlank(@TempDir Path dir) throws Exception {
        String out = new InProcess().cwd(dir).output("sysuse auto", "scatter price mpg, title(\"Price\")",
                "graph export g.png, width(800) height(600)");
        assertThat(out).contains(". graph export g.png, width(800) height(600)\nfile g.png saved as PNG format\n");
        BufferedImage img = ImageIO.read(dir.resolve("g.png").toFile());
        assertThat(img.getWidth()).isEqualTo(800);
        assertThat(img.getHeight()).isEqualTo(600);
        Set<Integer> colors = new HashSet<>();
        int navy = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                colors.add(rgb);
                if (rgb == 0x1a476f) {
                    navy++;
                }
            }
        }
        assertThat(colors.size()).as("distinct colours").isGreaterThan(10);
        assertThat(navy).as("pixels of the marker colour").isGreaterThan(100);
    }

    @Test
    void svgIsWellFormedWithRequestedSizeAndOneMarkerPerObservation(@TempDir Path dir) throws Exception {
        new InProcess().cwd(dir).output("sysuse auto", "scatter price mpg, name(g1)",
                "graph export g.svg, name(g1) width(640) height(480)");
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("g.svg").toFile());
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("svg");
        assertThat(root.getAttribute("width")).isEqualTo("640px");
        assertThat(root.getAttribute("height")).isEqualTo("480px");
        assertThat(doc.getElementsByTagName("circle").getLength()).isEqualTo(74);
    }

    @Test
    void pdfHasValidStructureAndPageSize(@TempDir Path dir) throws Exception {
        new InProcess().cwd(dir).output("sysuse auto", "histogram mpg", "graph export h.pdf, width(400) height(300)");
        byte[] bytes = Files.readAllBytes(dir.resolve("h.pdf"));
        String pdf = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(pdf).startsWith("%PDF-1.4").endsWith("%%EOF\n").contains("/MediaBox [0 0 400.00 300.00]");
        Matcher start = Pattern.compile("startxref\\n(\\d+)").matcher(pdf);
        assertThat(start.find()).isTrue();
        int xref = Integer.parseInt(start.group(1));
        assertThat(pdf.substring(xref)).startsWith("xref\n0 7\n");
        Matcher entry = Pattern.compile("(\\d{10}) 00000 n ").matcher(pdf.substring(xref));
        int object = 1;
        while (entry.find()) {
            int offset = Integer.parseInt(entry.group(1));
            assertThat(pdf.substring(offset)).startsWith(object + " 0 obj");
            object++;
        }
        assertThat(object).isEqualTo(7);
        Matcher len = Pattern.compile("<< /Length (\\d+) >>\\nstream\\n").matcher(pdf);
        assertThat(len.find()).isTrue();
        assertThat(pdf.substring(len.end() + Integer.parseInt(len.group(1)))).startsWith("\nendstream");
        assertThat(pdf).contains(" re f");
    }

    @Test
    void epsHasBoundingBox(@TempDir Path dir) throws Exception {
        new InProcess().cwd(dir).output("sysuse auto", "line price weight", "graph export l.eps");
        assertThat(Files.readString(dir.resolve("l.eps"))).startsWith("%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 396 288\n");
    }

    @Test
    void exportNotesAndErrors(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("old.png"), "x");
        String out = new InProcess().cwd(dir).output("sysuse auto", "scatter mpg weight", "graph export old.png",
                "graph export new.svg, replace", "graph export g.xyz", "graph export g.png, name(nosuch)");
        assertThat(out).contains(". graph export old.png\nfile old.png already exists\nr(602);\n")
                .contains(". graph export new.svg, replace\n(file new.svg not found)\nfile new.svg saved as SVG format\n")
                .contains("output-file suffix \"xyz\" not recognized\n    specify correct suffix or specify as() option\nr(198);\n")
                .contains(". graph export g.png, name(nosuch)\ngraph nosuch not found\nr(111);\n");
        String v16 = new InProcess().version(16).cwd(dir).output("sysuse auto", "scatter mpg weight",
                "graph export v16.svg, replace");
        assertThat(v16).contains("(note: file v16.svg not found)\n(file v16.svg written in SVG format)\n");
    }

    @Test
    void pngFailureSwitchGivesReturnCode5100(@TempDir Path dir) {
        String out = new InProcess().env("FAKESTATA_PNG_FAIL", "1").cwd(dir).output("sysuse auto",
                "scatter mpg weight", "graph export g.png", "graph export g.svg");
        assertThat(out).contains("r(5100);").contains("file g.svg saved as SVG format");
        assertThat(dir.resolve("g.png")).doesNotExist();
    }

    @Test
    void grListAndGraphDirAndStataKernelStyleInjection(@TempDir Path dir) {
        InProcess e = new InProcess().cwd(dir);
        String out = e.output("sysuse auto", "_gr_list on", "scatter price mpg, name(a)", "histogram price, name(b)",
                "_gr_list list", "display r(_grlist)", "_gr_list off", "graph dir", "display r(list)",
                "cap noi scatter price weight", "if _rc == 0 {", "noi gr export k.svg, width(300) replace", "}",
                "graph display a", "graph display zz");
        assertThat(out).contains("(bin=8, start=3291, width=1576.875)")
                .contains(". display r(_grlist)\na b\n")
                .contains("  3. }\n(file k.svg not found)\nfile k.svg saved as SVG format\n")
                .contains(". graph display zz\ngraph zz not found\nr(111);\n");
        assertThat(dir.resolve("k.svg")).exists();
    }
}
