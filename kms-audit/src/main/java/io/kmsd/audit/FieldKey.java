package io.kmsd.audit;

/** A closed set of audit field names (an enum), each with its JSON name and value shape. */
public interface FieldKey {
    String jsonName();

    ValueKind kind();
}
