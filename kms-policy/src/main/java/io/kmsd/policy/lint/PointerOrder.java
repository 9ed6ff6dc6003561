package io.kmsd.policy.lint;

/** Orders findings by the statement their JSON pointer lies in ({@code /Statement/2/...} → 2). */
final class PointerOrder {
    private PointerOrder() {
    }

    /** The statement index of a pointer; -1 for the document, 0 for a lone statement object. */
    static int statement(String pointer) {
        if (!pointer.startsWith("/Statement")) {
            return -1;
        }
        String[] tokens = pointer.split("/");
        try {
            return tokens.length > 2 ? Integer.parseInt(tokens[2]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
