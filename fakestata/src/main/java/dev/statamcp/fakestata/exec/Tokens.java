package dev.statamcp.fakestata.exec;

import dev.statamcp.fakestata.lang.Quotes;
import java.util.ArrayList;
import java.util.List;

/** Splits argument text into words the way Stata's tokenizer does: at blanks, keeping quoted strings whole. */
public final class Tokens {
    private Tokens() {
    }

    /** Words with their quotes removed. */
    public static String[] words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : raw(text)) {
            out.add(Quotes.strip(w));
        }
        return out.toArray(new String[0]);
    }

    /** Words as written, quotes included. */
    public static List<String> raw(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            if (Quotes.opensQuote(text, i)) {
                int end = Quotes.skip(text, i);
                i = end < 0 ? n : end;
            } else {
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    if (Quotes.opensQuote(text, i)) {
                        int end = Quotes.skip(text, i);
                        i = end < 0 ? n : end;
                    } else {
                        i++;
                    }
                }
            }
            out.add(text.substring(start, i));
        }
        return out;
    }
}
