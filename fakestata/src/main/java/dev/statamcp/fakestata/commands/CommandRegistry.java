package dev.statamcp.fakestata.commands;

import dev.statamcp.fakestata.ado.FindFileCommand;
import dev.statamcp.fakestata.ado.SysdirCommand;
import dev.statamcp.fakestata.codebook.CodebookCommand;
import dev.statamcp.fakestata.data.DataCommands;
import dev.statamcp.fakestata.data.Describe;
import dev.statamcp.fakestata.data.ExportDelimited;
import dev.statamcp.fakestata.data.Generate;
import dev.statamcp.fakestata.data.ListCommand;
import dev.statamcp.fakestata.data.UseSaveCommands;
import dev.statamcp.fakestata.data.VariableCommands;
import dev.statamcp.fakestata.exec.DoFiles;
import dev.statamcp.fakestata.files.FileCommand;
import dev.statamcp.fakestata.graph.GraphCommands;
import dev.statamcp.fakestata.help.HelpCommand;
import dev.statamcp.fakestata.log.LogCommand;
import dev.statamcp.fakestata.results.MatrixCommand;
import dev.statamcp.fakestata.results.ResultCommands;
import dev.statamcp.fakestata.stats.Predict;
import dev.statamcp.fakestata.stats.Regress;
import dev.statamcp.fakestata.stats.Summarize;
import dev.statamcp.fakestata.stats.Tabulate;

/**
 * Every built-in command, its shortest abbreviation (the capitals), and the code that runs it. Dispatch is a
 * plain switch rather than a map of lambdas so that start-up links and loads nothing it does not use.
 */
public final class CommandRegistry implements CommandTable.Dispatcher {
    private static final String[] SPECS = {
        "DIsplay", "LOCal", "GLobal", "MACro", "args", "tempvar", "tempname", "tempfile", "SCAlar", "exit", "error",
        "assert", "VERsion", "sleep", "pwd", "cd", "chdir", "set", "do", "run", "include", "log", "clear", "drop",
        "keep", "Generate", "replace", "SUmmarize", "sysuse", "Use", "SAve", "Describe", "List", "TABulate",
        "REGress", "PREDict", "export", "COunt", "sort", "REName", "Format", "LAbel", "RETurn", "ERETurn", "SRETurn",
        "_return", "MATrix", "SCatter", "line", "TWoway", "HISTogram", "GRaph", "_gr_list", "Help", "PRogram",
        "codebook", "findfile", "sysdir", "adopath", "file",
    };

    public static CommandTable build() {
        CommandTable t = new CommandTable(new CommandRegistry());
        for (String spec : SPECS) {
            t.add(spec);
        }
        return t;
    }

    @Override
    public void run(String command, Call call) {
        switch (command) {
            case "display" -> new DisplayCommand().run(call);
            case "local" -> MacroCommands.local(call);
            case "global" -> MacroCommands.global(call);
            case "macro" -> MacroCommands.macro(call);
            case "args" -> MacroCommands.args(call);
            case "tempvar", "tempname", "tempfile" -> MacroCommands.temporary(command, call);
            case "scalar" -> new ScalarCommand().run(call);
            case "exit" -> ControlCommands.exit(call);
            case "error" -> ControlCommands.error(call);
            case "assert" -> ControlCommands.assertion(call);
            case "version" -> ControlCommands.version(call);
            case "sleep" -> ControlCommands.sleep(call);
            case "pwd" -> ControlCommands.pwd(call);
            case "cd", "chdir" -> ControlCommands.cd(call);
            case "set" -> new SetCommand().run(call);
            case "do" -> DoFiles.command(call, DoFiles.Kind.DO);
            case "run" -> DoFiles.command(call, DoFiles.Kind.RUN);
            case "include" -> DoFiles.command(call, DoFiles.Kind.INCLUDE);
            case "log" -> new LogCommand().run(call);
            case "clear" -> DataCommands.clear(call);
            case "drop" -> DataCommands.dropOrKeep(call, false);
            case "keep" -> DataCommands.dropOrKeep(call, true);
            case "generate" -> Generate.generate(call);
            case "replace" -> Generate.replace(call);
            case "summarize" -> Summarize.run(call);
            case "sysuse" -> UseSaveCommands.sysuse(call);
            case "use" -> UseSaveCommands.use(call);
            case "save" -> UseSaveCommands.save(call);
            case "describe" -> Describe.run(call);
            case "list" -> ListCommand.run(call);
            case "tabulate" -> Tabulate.run(call);
            case "regress" -> Regress.run(call);
            case "predict" -> Predict.run(call);
            case "export" -> ExportDelimited.run(call);
            case "count" -> VariableCommands.count(call);
            case "sort" -> VariableCommands.sort(call);
            case "rename" -> VariableCommands.rename(call);
            case "format" -> VariableCommands.format(call);
            case "label" -> VariableCommands.label(call);
            case "return" -> ResultCommands.command(call, 'r');
            case "ereturn" -> ResultCommands.command(call, 'e');
            case "sreturn" -> ResultCommands.command(call, 's');
            case "_return" -> ResultCommands.hold(call);
            case "matrix" -> MatrixCommand.run(call);
            case "scatter" -> GraphCommands.scatter(call);
            case "line" -> GraphCommands.line(call);
            case "twoway" -> GraphCommands.twoway(call);
            case "histogram" -> GraphCommands.histogram(call);
            case "graph" -> GraphCommands.graph(call);
            case "_gr_list" -> GraphCommands.grList(call);
            case "help" -> HelpCommand.run(call);
            case "program" -> ProgramCommand.run(call);
            case "codebook" -> CodebookCommand.run(call);
            case "findfile" -> FindFileCommand.run(call);
            case "sysdir" -> SysdirCommand.sysdir(call);
            case "adopath" -> SysdirCommand.adopath(call);
            case "file" -> FileCommand.run(call);
            default -> throw new IllegalStateException("registered command without code: " + command);
        }
    }
}
