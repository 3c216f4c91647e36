package dev.statamcp.mcp.jsonrpc;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 for incoming messages. A message that is not UTF-8 gets a parse error, as JSON-RPC asks, instead of
 * being read with replacement characters, which could silently change a method name or an id the client sent.
 */
public final class Utf8 {
    /** The answer to a message that is not UTF-8 (its id cannot be known). */
    public static final JsonRpcError NOT_UTF8 = JsonRpcError.of(JsonRpcError.PARSE_ERROR,
            "Parse error: the message is not valid UTF-8; send JSON-RPC messages encoded as UTF-8");

    private Utf8() {
    }

    /** The text of the bytes, or null when they are not valid UTF-8. */
    public static String decodeOrNull(byte[] bytes, int offset, int length) {
        String lenient = new String(bytes, offset, length, StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0) {
            return lenient; // nothing was replaced (the usual case, and free for ASCII text)
        }
        try {
            // A replacement character may also have been sent as such: only a strict decoder can tell.
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
