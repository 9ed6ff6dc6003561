package io.kmsd.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on the AWS-shaped failures. */
public final class KmsAssertions {
    private KmsAssertions() {
    }

    /** The call fails with exactly this error shape and message. */
    public static void assertFails(ThrowingCallable call, KmsError error, String message) {
        KmsException e = failure(call, error);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    /** The call fails with this error shape; returns it for more checks. */
    public static KmsException failure(ThrowingCallable call, KmsError error) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected %s", error).isInstanceOf(KmsException.class);
        KmsException e = (KmsException) thrown;
        assertThat(e.error()).as("error shape (message: %s)", e.getMessage()).isEqualTo(error);
        return e;
    }
}
