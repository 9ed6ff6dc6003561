package io.kmsd.policy.lint;

import io.kmsd.policy.condition.ArnPattern;
import io.kmsd.policy.condition.Glob;
import io.kmsd.policy.document.Statement;
import java.util.List;

/** Whether a Resource pattern of a key policy can ever match the key (G10). */
final class KeyArns {
    private KeyArns() {
    }

    /** Not inert, and its Resource/NotResource can take in the key. */
    static boolean mayApply(Statement s, String keyArn) {
        if (s.inert()) {
            return false;
        }
        List<String> patterns = s.resources().patterns();
        return s.notResource() ? !patterns.contains("*") : patterns.stream().anyMatch(p -> mayMatch(p, keyArn));
    }

    /** Not inert, and its Resource names the key for certain: {@code *}, or a pattern matching the given key ARN. */
    static boolean surelyApplies(Statement s, String keyArn) {
        return !s.inert() && !s.notResource() && s.resources().patterns().stream().anyMatch(p -> p.equals("*")
                || keyArn != null && !p.contains("${") && ArnPattern.compile(p, false).matches(keyArn, null));
    }

    /** With the key's ARN: an exact test; without: could it match some KMS key ARN at all? */
    static boolean mayMatch(String pattern, String keyArn) {
        if (pattern.equals("*") || pattern.contains("${")) {
            return true;
        }
        if (keyArn != null) {
            return ArnPattern.compile(pattern, false).matches(keyArn, null);
        }
        String[] seg = pattern.split(":", 6);
        return seg.length == 6 && fits(seg[0], "arn") && fits(seg[2], "kms") && prefixFits(seg[5], "key/");
    }

    private static boolean fits(String glob, String value) {
        return Glob.compile(glob, true, false).matches(value, null);
    }

    /** The resource part can start with {@code key/}: its literal head is compatible with that prefix. */
    private static boolean prefixFits(String glob, String prefix) {
        int wild = firstWildcard(glob);
        String head = wild < 0 ? glob : glob.substring(0, wild);
        return head.startsWith(prefix) ? head.length() > prefix.length() || wild >= 0 : prefix.startsWith(head);
    }

    private static int firstWildcard(String s) {
        int star = s.indexOf('*');
        int one = s.indexOf('?');
        return star < 0 ? one : one < 0 ? star : Math.min(star, one);
    }
}
