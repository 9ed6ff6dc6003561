package io.kmsd.core.lifecycle;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.KeyArn;

/** The AWS-shaped failures core raises outside the key-state table, with the spec's exact messages. */
final class Errors {
    private Errors() {
    }

    /** kms-api §2 step 3. */
    static KmsException keyNotFound(KeyArn arn) {
        return KmsException.notFound("Key '" + arn + "' does not exist");
    }

    /** kms-api §2 step 2, §4.2 DeleteAlias. */
    static KmsException aliasNotFound(Object alias) {
        return KmsException.notFound("Alias " + alias + " is not found.");
    }

    /** kms-api §2 step 3: not a UUID or mrk- id (also an alias where only id/ARN is accepted). */
    static KmsException invalidKeyId(String value) {
        return KmsException.notFound("Invalid keyId '" + value + "'");
    }

    /** kms-api §2 step 1: an ARN of another Region. */
    static KmsException otherRegion(String region) {
        return KmsException.notFound("Invalid arn " + region);
    }

    static KmsException invalidArn(String value) {
        return new KmsException(KmsError.InvalidArn, value + " is not a valid key ARN or alias ARN.");
    }

    static KmsException invalidMarker() {
        return new KmsException(KmsError.InvalidMarker, "The marker is not valid.");
    }

    static KmsException tag(String message) {
        return new KmsException(KmsError.Tag, message);
    }

    /** kms-api §4.0 "Wrong usage for the operation". */
    static KmsException wrongUsage(KeyArn arn, Object usage, String operation) {
        return new KmsException(KmsError.InvalidKeyUsage,
                arn + " key usage is " + usage + " which is not valid for " + operation + ".");
    }

    /** kms-api §4.0 "algorithm not valid for the spec". */
    static KmsException incompatibleAlgorithm(String algorithm, Object spec) {
        return new KmsException(KmsError.InvalidKeyUsage,
                "Algorithm " + algorithm + " is incompatible with key spec " + spec + ".");
    }

    /** One model-constraint ValidationException in the grammar of kms-api §1.3. */
    static KmsException constraint(String value, String path, String rule) {
        String subject = value == null ? "Value at '" : "Value '" + value + "' at '";
        return KmsException.validation("1 validation error detected: " + subject + path
                + "' failed to satisfy constraint: " + rule);
    }

    static KmsException range(long value, String path, long min, long max) {
        return value < min
                ? constraint(Long.toString(value), path, "Member must have value greater than or equal to " + min)
                : constraint(Long.toString(value), path, "Member must have value less than or equal to " + max);
    }
}
