package dev.statamcp.fakestata.console;

import dev.statamcp.fakestata.io.InputReader;
import dev.statamcp.fakestata.out.Output;
import dev.statamcp.fakestata.script.LineInput;
import dev.statamcp.fakestata.session.BreakFlag;
import java.io.IOException;

/**
 * Console lines from stdin. The prompt goes to the screen; when stdin is not a terminal the line read is echoed
 * after it, as a log would show it. Output is flushed only when the read would block (no whole line is buffered):
 * a C program's stdio does the same, and typed-ahead commands then run without a flush each.
 */
public final class ConsoleInput implements LineInput {
    private final InputReader reader;
    private final Output out;
    private final BreakFlag breakFlag;
    private final boolean echoToScreen;

    public ConsoleInput(InputReader reader, Output out, BreakFlag breakFlag, boolean stdinIsTerminal) {
        this.reader = reader;
        this.out = out;
        this.breakFlag = breakFlag;
        this.echoToScreen = !stdinIsTerminal;
    }

    @Override
    public String read(String prompt) throws IOException {
        boolean willBlock = !reader.hasBufferedLine();
        out.screenOnly(prompt, false, willBlock);
        String line;
        if (willBlock) {
            out.beginWait();
            try {
                line = reader.readLine();
            } finally {
                out.endWait();
            }
        } else {
            line = reader.readLine();
        }
        // Break at the prompt is ignored, as in Stata: the user is already in control.
        breakFlag.clear();
        if (line != null && echoToScreen) {
            out.screenOnly(line, true, false);
        }
        return line;
    }
}
