package dev.statamcp.fakestata.commands;

import dev.statamcp.fakestata.data.DataCommands;
import dev.statamcp.fakestata.data.Describe;
import dev.statamcp.fakestata.data.ExportDelimited;
import dev.statamcp.fakestata.data.ListCommand;
import dev.statamcp.fakestata.data.UseSaveCommands;
import dev.statamcp.fakestata.data.VariableCommands;
import dev.statamcp.fakestata.results.MatrixCommand;
import dev.statamcp.fakestata.results.ResultCommands;
import dev.statamcp.fakestata.stats.Predict;
import dev.statamcp.fakestata.stats.Regress;
import dev.statamcp.fakestata.stats.Tabulate;
import dev.statamcp.fakestata.data.Generate;
import dev.statamcp.fakestata.exec.DoFiles;
import dev.statamcp.fakestata.graph.GraphCommands;
import dev.statamcp.fakestata.help.HelpCommand;
import dev.statamcp.fakestata.log.LogCommand;
import dev.statamcp.fakestata.stats.Summarize;

/** Every built-in command and its shortest abbreviation (the capitals). */
public final class CommandRegistry {
    private CommandRegistry() {
    }

    public static CommandTable build() {
        CommandTable t = new CommandTable();
        t.add("DIsplay", new DisplayCommand());
        t.add("LOCal", MacroCommands::local);
        t.add("GLobal", MacroCommands::global);
        t.add("MACro", MacroCommands::macro);
        t.add("args", MacroCommands::args);
        t.add("tempvar", MacroCommands.temporary("tempvar"));
        t.add("tempname", MacroCommands.temporary("tempname"));
        t.add("tempfile", MacroCommands.temporary("tempfile"));
        t.add("SCAlar", new ScalarCommand());
        t.add("exit", ControlCommands::exit);
        t.add("error", ControlCommands::error);
        t.add("assert", ControlCommands::assertion);
        t.add("VERsion", ControlCommands::version);
        t.add("sleep", ControlCommands::sleep);
        t.add("pwd", ControlCommands::pwd);
        t.add("cd", ControlCommands::cd);
        t.add("chdir", ControlCommands::cd);
        t.add("set", new SetCommand());
        t.add("do", call -> DoFiles.command(call, DoFiles.Kind.DO));
        t.add("run", call -> DoFiles.command(call, DoFiles.Kind.RUN));
        t.add("include", call -> DoFiles.command(call, DoFiles.Kind.INCLUDE));
        t.add("log", new LogCommand());
        t.add("clear", DataCommands::clear);
        t.add("drop", call -> DataCommands.dropOrKeep(call, false));
        t.add("keep", call -> DataCommands.dropOrKeep(call, true));
        t.add("Generate", Generate::generate);
        t.add("replace", Generate::replace);
        t.add("SUmmarize", Summarize::run);
        t.add("sysuse", UseSaveCommands::sysuse);
        t.add("Use", UseSaveCommands::use);
        t.add("SAve", UseSaveCommands::save);
        t.add("Describe", Describe::run);
        t.add("List", ListCommand::run);
        t.add("TABulate", Tabulate::run);
        t.add("REGress", Regress::run);
        t.add("PREDict", Predict::run);
        t.add("export", ExportDelimited::run);
        t.add("COunt", VariableCommands::count);
        t.add("sort", VariableCommands::sort);
        t.add("REName", VariableCommands::rename);
        t.add("Format", VariableCommands::format);
        t.add("LAbel", VariableCommands::label);
        t.add("RETurn", call -> ResultCommands.command(call, 'r'));
        t.add("ERETurn", call -> ResultCommands.command(call, 'e'));
        t.add("SRETurn", call -> ResultCommands.command(call, 's'));
        t.add("_return", ResultCommands::hold);
        t.add("MATrix", MatrixCommand::run);
        t.add("SCatter", GraphCommands::scatter);
        t.add("line", GraphCommands::line);
        t.add("TWoway", GraphCommands::twoway);
        t.add("HISTogram", GraphCommands::histogram);
        t.add("GRaph", GraphCommands::graph);
        t.add("_gr_list", GraphCommands::grList);
        t.add("Help", HelpCommand::run);
        return t;
    }
}
