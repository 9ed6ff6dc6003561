package io.kmsd.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kmsd.audit.testing.Events;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

/** The hand-written event writer must write exactly what Jackson writes, byte for byte. */
class EventWriterProperties {

    @Property(tries = 2000)
    void writesJacksonsBytes(@ForAll("events") AuditEvent event) throws Exception {
        byte[] ours = EventWriter.write(event);

        byte[] jackson = AuditJson.mapper().writeValueAsBytes(event);
        assertThat(ours).as(() -> new String(ours, StandardCharsets.UTF_8) + "\n  Jackson wrote\n"
                + new String(jackson, StandardCharsets.UTF_8)).isEqualTo(jackson);
        assertThat(AuditJson.fromBytes(ours)).isEqualTo(event);
    }

    /** The digit-by-digit instant must be Instant.toString() (Jackson's form) everywhere, fast path or not. */
    @Property(tries = 3000)
    void writesInstantsAsInstantToString(@ForAll("anyInstants") Instant t) {
        assertThat(EventWriter.iso(t)).isEqualTo(t.toString());
    }

    @Provide
    Arbitrary<Instant> anyInstants() {
        Arbitrary<Long> seconds = Arbitraries.oneOf(Arbitraries.longs().between(-100_000_000_000L, 400_000_000_000L),
                Arbitraries.longs().between(0, 4_102_444_800L), Arbitraries.of(0L, -1L, 253_402_300_799L,
                        253_402_300_800L, 951_782_400L, 951_868_799L));
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.integers().between(0, 999_999_999),
                Arbitraries.integers().between(0, 999).map(n -> n * 1_000_000),
                Arbitraries.integers().between(0, 999_999).map(n -> n * 1_000), Arbitraries.just(0));
        return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
    }

    @Example
    void everyKindAndNestedPartMatchesJackson() throws Exception {
        AuditEvent event = Events.builderWithEveryKind(Instant.parse("2026-11-29T10:00:00.120Z"));

        assertThat(EventWriter.write(event)).isEqualTo(AuditJson.mapper().writeValueAsBytes(event));
    }

    @Example
    void surrogatesAreEscapedOneByOneAndALoneOneStillReadsBack() throws Exception {
        String lone = "ctx\uD800end\uD83D\uDD10";
        AuditEvent event = Events.base(1, Instant.parse("2026-11-29T10:00:00Z")).eventName("Encrypt")
                .requestParameters(RequestParameters.builder().encryptionContext(Map.of("k", lone)).build())
                .decision(Decision.notEvaluated("test")).build();

        String json = new String(EventWriter.write(event), StandardCharsets.UTF_8);

        assertThat(json).contains("\"k\":\"ctx\\uD800end\\uD83D\\uDD10\"")
                .isEqualTo(new String(AuditJson.mapper().writeValueAsBytes(event), StandardCharsets.UTF_8));
        assertThat(AuditJson.fromBytes(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(event);
    }

    @Provide
    Arbitrary<AuditEvent> events() {
        Arbitrary<String> text = texts();
        Arbitrary<String> optional = text.injectNull(0.3);
        Arbitrary<UserIdentity> identity = Combinators.combine(Arbitraries.of("IAMUser", "Root", "AssumedRole"),
                optional, optional, optional, sessions().injectNull(0.6), optional)
                .as((type, id, arn, account, session, by) -> new UserIdentity(type, id, arn, account, "AKIA1", null,
                        session, by));
        Arbitrary<Decision> decision = Combinators.combine(Arbitraries.of(Decision.Outcome.class),
                Combinators.combine(text, optional).as(Decision.Ref::new).list().ofMaxSize(3), optional)
                .as(Decision::new);
        Arbitrary<AuditEvent.Builder> head = Combinators.combine(identity, instants(), text, optional, optional,
                optional, Arbitraries.of(true, false), optional)
                .as((who, at, name, ip, agent, recipient, readOnly, type) -> AuditEvent.builder().userIdentity(who)
                        .eventTime(at).eventName(name).awsRegion("eu-west-1").sourceIPAddress(ip).userAgent(agent)
                        .recipientAccountId(recipient).readOnly(readOnly).eventType(type)
                        .requestID("r-" + name.length()).eventID("e-" + at.toEpochMilli()));
        return Combinators.combine(head, errors(),
                fieldMap(RequestParameter.class, RequestParameters::builder, RequestParameters.Builder::build),
                fieldMap(ResponseElement.class, ResponseElements::builder, ResponseElements.Builder::build),
                Combinators.combine(text, optional).as(Resource::key).list().ofMaxSize(3), decision)
                .as((b, error, params, elements, resources, d) -> b.error(error.get(0), error.get(1))
                        .requestParameters(params).responseElements(elements).resources(resources).decision(d)
                        .build());
    }

    /** Text with the characters JSON writers differ on: controls, quotes, backslashes, 2-3 byte UTF-8, surrogates. */
    private static Arbitrary<String> texts() {
        Arbitrary<String> odd = Arbitraries.strings().withCharRange('\u0000', '\u00ff').withChars('\u2028', '\u20ac',
                '\ufeff', '\uffff', '"', '\\', '/', '\u007f').ofMaxLength(12);
        Arbitrary<String> wide = Arbitraries.strings().all().ofMaxLength(8)
                .map(s -> s + new String(Character.toChars(0x1F510)));
        return Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20), odd, wide)
                .filter(s -> !s.isBlank());
    }

    private static Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, 4_102_444_800_000L).map(Instant::ofEpochMilli)
                .flatMap(t -> Arbitraries.of(t, t.plusNanos(123_456_789), t.minusMillis(t.toEpochMilli() % 1000)));
    }

    private static Arbitrary<SessionContext> sessions() {
        return Combinators.combine(texts(), instants().injectNull(0.3), Arbitraries.of("true", "false"))
                .as((arn, created, mfa) -> new SessionContext(new SessionContext.Issuer(null, "AROA1", arn, "1", null),
                        new SessionContext.Attributes(created, mfa)));
    }

    private static Arbitrary<List<String>> errors() {
        Arbitrary<String> optional = texts().injectNull(0.5);
        return Combinators.combine(optional, optional).as((code, message) -> Arrays.asList(code, message));
    }

    /** Up to 8 random members of one field map (request parameters or response elements), each of its kind. */
    private static <K extends Enum<K> & FieldKey, B extends FieldMap.Builder<K, B>, M extends FieldMap<K>>
            Arbitrary<M> fieldMap(Class<K> keys, Supplier<B> builder, Function<B, M> build) {
        return Arbitraries.subsetOf(EnumSet.allOf(keys)).ofMaxSize(8).flatMap(chosen ->
                values(chosen).map(values -> {
                    B b = builder.get();
                    values.forEach(b::put);
                    return build.apply(b);
                }));
    }

    private static <K extends Enum<K> & FieldKey> Arbitrary<Map<K, Object>> values(Set<K> keys) {
        Arbitrary<Map<K, Object>> out = Arbitraries.just(Map.of());
        for (K key : keys) {
            Arbitrary<Map<K, Object>> before = out;
            out = before.flatMap(m -> value(key.kind()).map(v -> {
                Map<K, Object> next = new java.util.HashMap<>(m);
                next.put(key, v);
                return next;
            }));
        }
        return out;
    }

    private static Arbitrary<Object> value(ValueKind kind) {
        return switch (kind) {
            case TEXT -> texts().map(s -> s);
            case NUMBER -> Arbitraries.longs().map(n -> n);
            case FLAG -> Arbitraries.of(true, false).map(b -> b);
            case TIME -> instants().map(t -> t);
            case LIST -> texts().list().ofMaxSize(4).map(l -> l);
            // Jackson's reader refuses a surrogate escape in a member name, so keys leave them out (values keep them)
            case MAP -> Arbitraries.maps(texts().filter(k -> k.chars().noneMatch(c -> Character.isSurrogate((char) c))),
                    texts()).ofMaxSize(4).map(m -> m);
        };
    }
}
