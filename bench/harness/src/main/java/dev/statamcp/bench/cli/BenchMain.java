package dev.statamcp.bench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the benchmark jar: {@code run} writes RESULTS.md, {@code fuzz} runs the reliability fuzzer,
 * {@code chaos} kills servers and Stata at random points and checks that no job or process is lost. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks of stata-mcp against peer MCP servers, and the JSON-RPC fuzzer.",
        subcommands = {RunCommand.class, FuzzCommand.class, ChaosCommand.class, SoakCommand.class})
public final class BenchMain {

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }
}
