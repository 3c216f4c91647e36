package dev.statamcp.fakestata.help;

/**
 * One SMCL directive {@code {name args:content}}: {@code {cmd:summarize}} has name cmd and content summarize,
 * {@code {p 4 8 2}} has name p and args "4 8 2", {@code {help regress:the manual}} has both.
 *
 * @param name the word after the brace
 * @param args what follows the name up to a colon (or the end), trimmed; empty when none
 * @param content what follows the first colon, or null when there is no colon
 * @param raw everything between the braces
 */
record SmclDirective(String name, String args, String content, String raw) {

    /** Parses the text between the braces. */
    static SmclDirective parse(String body) {
        int i = 0;
        while (i < body.length() && body.charAt(i) != ' ' && body.charAt(i) != ':') {
            i++;
        }
        String name = body.substring(0, i);
        if (i < body.length() && body.charAt(i) == ':') {
            return new SmclDirective(name, "", body.substring(i + 1), body);
        }
        String rest = i < body.length() ? body.substring(i + 1) : "";
        int colon = topLevelColon(rest);
        if (colon < 0) {
            return new SmclDirective(name, rest.strip(), null, body);
        }
        return new SmclDirective(name, rest.substring(0, colon).strip(), rest.substring(colon + 1), body);
    }

    /** The first colon outside quotes and nested braces. */
    private static int topLevelColon(String s) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '{') {
                depth++;
            } else if (!quoted && c == '}') {
                depth--;
            } else if (!quoted && depth == 0 && c == ':') {
                return i;
            }
        }
        return -1;
    }

    /** The args as numbers ({@code {p 4 8 2}}); missing ones are {@code fallback}. */
    int[] numbers(int count, int fallback) {
        int[] out = new int[count];
        String[] w = args.isEmpty() ? new String[0] : args.split("\\s+");
        for (int k = 0; k < count; k++) {
            out[k] = fallback;
            if (k < w.length) {
                try {
                    out[k] = Integer.parseInt(w[k]);
                } catch (NumberFormatException e) {
                    out[k] = fallback;
                }
            }
        }
        return out;
    }
}
