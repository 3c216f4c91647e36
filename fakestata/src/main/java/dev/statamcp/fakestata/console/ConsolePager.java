package dev.statamcp.fakestata.console;

import dev.statamcp.fakestata.exec.BreakError;
import dev.statamcp.fakestata.io.InputReader;
import dev.statamcp.fakestata.out.Output;
import dev.statamcp.fakestata.out.Pager;
import dev.statamcp.fakestata.session.Settings;
import java.io.IOException;

/**
 * {@code set more on} at the console: after a page of output, {@code --more--} waits for one key. Space or Enter
 * (or anything else) continues, {@code q} breaks, and so does end of input.
 */
public final class ConsolePager implements Pager {
    private final Settings settings;
    private final InputReader input;
    private Output out;

    public ConsolePager(Settings settings, InputReader input) {
        this.settings = settings;
        this.input = input;
    }

    public void attach(Output out) {
        this.out = out;
    }

    @Override
    public int linesPerPage() {
        return settings.more ? settings.pagesize - 1 : 0;
    }

    @Override
    public void pause() {
        out.screenOnly("--more--", false, true);
        out.beginWait();
        int key;
        try {
            key = input.readKey();
            if (key == '\r' && input.hasBufferedLine()) {
                input.readKey();
            }
        } catch (IOException e) {
            key = -1;
        } finally {
            out.endWait();
        }
        out.screenOnly("", true, false);
        if (key == 'q' || key == 'Q' || key == -1) {
            throw new BreakError();
        }
    }
}
