package dev.statamcp.mcp.resources;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches URIs against a level-1 RFC 6570 template ({@code {name}} expands to one path segment). Resource templates
 * need no more; the full RFC (operators, explode) would be matching code nobody exercises.
 */
public final class UriTemplate {
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private final Pattern pattern;
    private final List<String> names;

    private UriTemplate(Pattern pattern, List<String> names) {
        this.pattern = pattern;
        this.names = names;
    }

    public static UriTemplate parse(String template) {
        List<String> names = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        Matcher matcher = VARIABLE.matcher(template);
        int last = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(template.substring(last, matcher.start())));
            String name = matcher.group(1);
            if (name.startsWith("+") || name.startsWith("#")) {
                names.add(name.substring(1));
                regex.append("(.+)"); // reserved expansion may span segments
            } else {
                names.add(name);
                regex.append("([^/?#]+)");
            }
            last = matcher.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return new UriTemplate(Pattern.compile(regex.toString()), names);
    }

    /** The variables of a matching URI, or null when the URI does not match. */
    public Map<String, String> match(String uri) {
        Matcher matcher = pattern.matcher(uri);
        if (!matcher.matches()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), URLDecoder.decode(matcher.group(i + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    public List<String> variableNames() {
        return List.copyOf(names);
    }
}
