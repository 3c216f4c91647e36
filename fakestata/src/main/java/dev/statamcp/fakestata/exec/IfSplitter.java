package dev.statamcp.fakestata.exec;

import dev.statamcp.fakestata.lang.ExprParser;
import dev.statamcp.fakestata.lang.Lexer;
import dev.statamcp.fakestata.lang.Names;
import dev.statamcp.fakestata.lang.Token;
import java.util.List;

/** Finds where the expression of a one-line {@code if exp command} ends: as far as a valid expression reaches. */
final class IfSplitter {
    private IfSplitter() {
    }

    static int commandStart(String text, Names names) {
        List<Token> tokens = Lexer.tokenizeLenient(text);
        ExprParser p = new ExprParser(tokens, 0, names);
        p.parse();
        Token next = p.peek();
        return next.kind() == Token.Kind.EOF ? text.length() : next.start();
    }
}
