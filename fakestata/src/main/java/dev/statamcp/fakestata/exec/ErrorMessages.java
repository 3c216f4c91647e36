package dev.statamcp.fakestata.exec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The standard message of each return code ([P] error), for {@code error N}. Loaded on first use. */
public final class ErrorMessages {
    private static Map<Integer, String> messages;

    private ErrorMessages() {
    }

    public static synchronized String of(int rc) {
        if (messages == null) {
            messages = load();
        }
        return messages.getOrDefault(rc, "");
    }

    private static Map<Integer, String> load() {
        Map<Integer, String> m = new HashMap<>();
        try (InputStream in = ErrorMessages.class.getResourceAsStream("/dev/statamcp/fakestata/error-codes.csv")) {
            if (in == null) {
                return m;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line = r.readLine(); // header
            while ((line = r.readLine()) != null) {
                int comma = line.indexOf(',');
                if (comma <= 0) {
                    continue;
                }
                String msg = line.substring(comma + 1);
                if (msg.startsWith("\"") && msg.endsWith("\"")) {
                    msg = msg.substring(1, msg.length() - 1);
                }
                m.put(Integer.parseInt(line.substring(0, comma).trim()), msg);
            }
        } catch (IOException | NumberFormatException e) {
            // an unreadable table only loses the messages of error N
        }
        return m;
    }
}
