package io.kmsd.api.operation;

import io.kmsd.api.protocol.Call;
import io.kmsd.core.alias.AliasArn;
import io.kmsd.core.alias.AliasName;
import io.kmsd.core.error.KmsException;

/** Alias names of a request, as ARNs in the caller's account and Region (kms-api §2, §4.2). */
final class AliasRequests {
    static final String PREFIX_MESSAGE = "Alias must start with the prefix \"alias/\". Please see "
            + "https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html";

    private AliasRequests() {
    }

    /** The alias {@code name} names for the caller; no {@code alias/} prefix → ValidationException (§4.2). */
    static AliasArn arnOf(Call call, String name) {
        if (!name.startsWith("alias/") || !AliasName.isValid(name)) {
            throw KmsException.validation(PREFIX_MESSAGE);
        }
        return new AliasArn(call.region(), call.account(), new AliasName(name));
    }
}
