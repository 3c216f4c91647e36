package dev.statamcp.server.cli.doctor;

import java.io.PrintStream;

/** The doctor's report as people read it: one tagged line per check, its facts indented, then the next steps. */
public final class Printer {
    private Printer() {
    }

    public static void print(Doctor.Report report, PrintStream out) {
        for (Check c : report.checks()) {
            out.println(c.level().tag() + " " + c.title() + ": " + c.summary());
            for (String d : c.details()) {
                out.println("         " + d);
            }
        }
        out.println();
        out.println(report.ready() ? "Ready: stata-mcp can run Stata." : "Not ready: fix the [FAIL] lines above.");
        if (!report.nextSteps().isEmpty()) {
            out.println("Next:");
            for (String step : report.nextSteps()) {
                out.println("  - " + step);
            }
        }
        out.flush();
    }
}
