package dev.statamcp.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code stata-mcp}: the command line entry point. */
@Command(name = "stata-mcp", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Runs Stata for AI assistants over the Model Context Protocol.",
        subcommands = {ServeCommand.class, RunCommand.class, JobsCommand.class, DoctorCommand.class, ConfigCommand.class,
                CdsTrainingCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (isPlainStdioServe(args)) {
            // The command IDEs launch on every start: skip building the command-line model (picocli reflects over
            // every command and option) so the answer to initialize comes sooner. Same behaviour as via picocli.
            try {
                System.exit(ServeCommand.serveStdio(null));
            } catch (Exception e) {
                System.err.println("stata-mcp: " + (e.getMessage() != null ? e.getMessage() : e));
                System.exit(1);
            }
        }
        System.exit(execute(args));
    }

    static boolean isPlainStdioServe(String[] args) {
        return args.length == 1 && "serve".equals(args[0])
                || args.length == 2 && "serve".equals(args[0]) && "--stdio".equals(args[1]);
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        // Every command that runs or reads jobs takes the same settings flags as serve.
        for (String name : new String[] {"serve", "run", "doctor"}) {
            SettingsOptions.addTo(commandLine.getSubcommands().get(name).getCommandSpec());
        }
        for (CommandLine jobs : commandLine.getSubcommands().get("jobs").getSubcommands().values()) {
            SettingsOptions.addTo(jobs.getCommandSpec());
        }
        commandLine.setExecutionExceptionHandler((exception, cmd, parsed) -> {
            // Errors a user can hit are explained in one line, never as a stack trace.
            cmd.getErr().println("stata-mcp: " + (exception.getMessage() != null ? exception.getMessage() : exception));
            return 1;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }

    /** Reads the version the build wrote into the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"stata-mcp " + version(), "Java " + System.getProperty("java.version")};
        }
    }
}
