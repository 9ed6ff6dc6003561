package io.kmsd.api.cli;

/** What {@code ./kms explain} prints: the decision ({@code ALLOW}, {@code DENY}, …), its human form and its JSON. */
record ExplainVerdict(String decision, String text, String json) {

    boolean allowed() {
        return "ALLOW".equals(decision);
    }
}
