package io.kmsd.core.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-written shape checks of KeyId, Region and AccountId accept exactly what the kms-api.md §2/§4.0
 * regular expressions accept. Strings are drawn near the shapes (right alphabet, right lengths, one character
 * changed), where a hand-written check goes wrong, as well as from arbitrary text.
 */
class IdentifierShapesProperties {
    private static final Pattern KEY_ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}");
    private static final Pattern REGION = Pattern.compile("([a-z]+-){2,3}\\d+");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    @Property(tries = 3000)
    void keyIdMatchesItsRegex(@ForAll("nearKeyIds") String s) {
        assertThat(KeyId.isValid(s)).as(s).isEqualTo(KEY_ID.matcher(s).matches());
    }

    @Property(tries = 3000)
    void regionMatchesItsRegex(@ForAll("nearRegions") String s) {
        assertThat(Region.isValid(s)).as(s).isEqualTo(s.length() <= 32 && REGION.matcher(s).matches());
    }

    @Property(tries = 2000)
    void accountMatchesItsRegex(@ForAll("nearAccounts") String s) {
        assertThat(AccountId.isValid(s)).as(s).isEqualTo(ACCOUNT.matcher(s).matches());
    }

    @Property(tries = 500)
    void arbitraryTextAgreesToo(@ForAll String s) {
        assertThat(KeyId.isValid(s)).isEqualTo(KEY_ID.matcher(s).matches());
        assertThat(Region.isValid(s)).isEqualTo(s.length() <= 32 && REGION.matcher(s).matches());
        assertThat(AccountId.isValid(s)).isEqualTo(ACCOUNT.matcher(s).matches());
    }

    @Provide
    Arbitrary<String> nearKeyIds() {
        Arbitrary<String> uuid = Arbitraries.create(() -> java.util.UUID.randomUUID().toString());
        Arbitrary<String> mrk = Arbitraries.strings().withChars("0123456789abcdef").ofLength(32).map(h -> "mrk-" + h);
        return mutated(Arbitraries.oneOf(uuid, mrk), "0123456789abcdefgA-mrk");
    }

    @Provide
    Arbitrary<String> nearRegions() {
        Arbitrary<String> word = Arbitraries.strings().withChars("abcz").ofMinLength(0).ofMaxLength(4);
        Arbitrary<String> number = Arbitraries.strings().withChars("019").ofMinLength(0).ofMaxLength(3);
        Arbitrary<String> region = Combinators.combine(word.list().ofMinSize(1).ofMaxSize(5), number)
                .as((words, n) -> String.join("-", words) + "-" + n);
        return mutated(region, "az09-A_ ");
    }

    @Provide
    Arbitrary<String> nearAccounts() {
        return mutated(Arbitraries.strings().withChars("0123456789").ofMinLength(10).ofMaxLength(14), "09a -");
    }

    /** The base strings, and the base strings with one character replaced by one from {@code alphabet}. */
    private static Arbitrary<String> mutated(Arbitrary<String> base, String alphabet) {
        Arbitrary<String> changed = Combinators.combine(base, Arbitraries.integers().between(0, 40),
                Arbitraries.of(alphabet.chars().mapToObj(c -> (char) c).toList()))
                .as((s, at, c) -> s.isEmpty() ? s : s.substring(0, at % s.length()) + c
                        + s.substring(at % s.length() + 1));
        return Arbitraries.oneOf(base, changed);
    }
}
