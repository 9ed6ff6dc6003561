package io.kmsd.policy.cedar;

/** A statement element with no equivalent in the Cedar translation; the message says why. */
final class Untranslatable extends Exception {
    Untranslatable(String reason) {
        super(reason, null, false, false);
    }
}
