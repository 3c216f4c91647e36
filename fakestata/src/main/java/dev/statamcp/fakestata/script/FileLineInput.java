package dev.statamcp.fakestata.script;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The physical lines of a do-file, read lazily as UTF-8 (malformed bytes are replaced, never fatal). */
public final class FileLineInput implements LineInput, AutoCloseable {
    private final BufferedReader reader;

    public FileLineInput(Path file) throws IOException {
        this.reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)));
    }

    @Override
    public String read(String prompt) throws IOException {
        String line = reader.readLine();
        if (line != null && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
            line = line.substring(1);
        }
        return line;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
