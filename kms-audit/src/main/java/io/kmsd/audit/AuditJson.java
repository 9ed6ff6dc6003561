package io.kmsd.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The one JSON form of an {@link AuditEvent}: compact (one line, no raw newlines), nulls left out,
 * fields in CloudTrail's order, map entries sorted, times as ISO-8601 UTC with milliseconds.
 * Reading ignores members it does not know, so old tools read newer records.
 */
public final class AuditJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(fieldMapModule())
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private AuditJson() {
    }

    /** The shared mapper (thread-safe); used for digests and other audit files too. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The record bytes, as {@link #mapper()} would write them (see {@link EventWriter}). */
    public static byte[] toBytes(AuditEvent event) {
        return EventWriter.write(event);
    }

    public static String toJson(AuditEvent event) {
        return new String(toBytes(event), StandardCharsets.UTF_8);
    }

    public static AuditEvent fromBytes(byte[] json) {
        try {
            return MAPPER.readValue(json, AuditEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not an audit event", e);
        }
    }

    public static AuditEvent fromJson(String json) {
        return fromBytes(json.getBytes(StandardCharsets.UTF_8));
    }

    private static SimpleModule fieldMapModule() {
        SimpleModule module = new SimpleModule("audit-field-maps");
        module.addSerializer(RequestParameters.class, new FieldMapJson.Writer<>());
        module.addSerializer(ResponseElements.class, new FieldMapJson.Writer<>());
        module.addDeserializer(RequestParameters.class,
                new FieldMapJson.Reader<>(RequestParameter.class, RequestParameters::builder,
                        RequestParameters.Builder::build));
        module.addDeserializer(ResponseElements.class,
                new FieldMapJson.Reader<>(ResponseElement.class, ResponseElements::builder,
                        ResponseElements.Builder::build));
        return module;
    }
}
