package dev.statamcp.stata.slurm;

/** What one finished command printed and returned. */
record CommandResult(int exitCode, String stdout, String stderr) {

    boolean ok() {
        return exitCode == 0;
    }

    /** stderr, or stdout when stderr is empty, trimmed: what to pass on to the user when the command failed. */
    String message() {
        String m = stderr.isBlank() ? stdout : stderr;
        return m.strip();
    }
}
