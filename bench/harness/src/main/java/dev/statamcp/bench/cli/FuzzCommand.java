package dev.statamcp.bench.cli;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
@Command(name = "fuzz") final class FuzzCommand implements Callable<Integer> { public Integer call() { return 0; } }
