package io.kmsd.policy.document;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** RFC 6901 JSON pointers for validation errors: {@code /Statement/1/Condition/StringEquals/aws:PrincipalTag~1team}. */
public final class JsonPointers {
    /** Lenient about raw control characters: it only places characters the G13 check already rejected. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS).build();

    private JsonPointers() {
    }

    /** Appends one reference token, escaping {@code ~} and {@code /}. */
    public static String child(String pointer, String name) {
        return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    /** The pointer of the value holding a character offset of the text, or "" when it cannot be told. */
    static String at(String text, int offset) {
        try (JsonParser p = FACTORY.createParser(text)) {
            String last = "";
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (p.currentTokenLocation().getCharOffset() > offset) {
                    return last;
                }
                last = p.getParsingContext().pathAsPointer().toString();
            }
            return last;
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** 1-based line and column of a character offset, as {@code line L, column C}. */
    static String lineAndColumn(String text, int offset) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return "line " + line + ", column " + col;
    }
}
