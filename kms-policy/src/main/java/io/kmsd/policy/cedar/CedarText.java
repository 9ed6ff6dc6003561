package io.kmsd.policy.cedar;

/** Cedar source text: string literals, entity references and {@code like} patterns. */
final class CedarText {
    static final String NAMESPACE = "Kms";

    private CedarText() {
    }

    /** A Cedar string literal. */
    static String string(String s) {
        return "\"" + escape(s) + "\"";
    }

    /** A {@code like} pattern from a policy glob whose only wildcard is {@code *} (a glob has no literal stars). */
    static String likePattern(String glob) {
        return string(glob);
    }

    /** {@code Kms::Type::"id"}. */
    static String uid(String type, String id) {
        return NAMESPACE + "::" + type + "::" + string(id);
    }

    static String action(String operation) {
        return uid("Action", operation);
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        sb.append("\\u{").append(Integer.toHexString(cp)).append('}');
                    } else {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        });
        return sb.toString();
    }
}
