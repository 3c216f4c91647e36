package dev.statamcp.fakestata.exec;

import dev.statamcp.fakestata.commands.CommandTable;

/**
 * A prefix command at the start of a line: {@code capture}, {@code quietly} or {@code noisily} (any allowed
 * abbreviation, optionally followed by a colon), and the command it applies to.
 */
record Prefix(Kind kind, String rest) {
    enum Kind { CAPTURE, QUIETLY, NOISILY }

    static Prefix of(String text) {
        String word = Interpreter.firstWord(text);
        Kind kind;
        if (word.isEmpty()) {
            return null;
        } else if (CommandTable.abbreviates(word, "CAPture")) {
            kind = Kind.CAPTURE;
        } else if (CommandTable.abbreviates(word, "QUIetly")) {
            kind = Kind.QUIETLY;
        } else if (CommandTable.abbreviates(word, "Noisily")) {
            kind = Kind.NOISILY;
        } else {
            return null;
        }
        String rest = text.substring(word.length()).stripLeading();
        if (rest.startsWith(":")) {
            rest = rest.substring(1).stripLeading();
        }
        return new Prefix(kind, rest);
    }
}
