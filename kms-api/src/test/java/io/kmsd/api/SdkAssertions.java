package io.kmsd.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.kms.model.KmsException;

/** Failures as the SDK reports them: the modeled exception type, the status and the server's exact message. */
public final class SdkAssertions {
    private SdkAssertions() {
    }

    /** The exception of {@code type} the call must throw, with status 400 unless checked otherwise. */
    public static <T extends KmsException> T fails(Class<T> type, ThrowingCallable call) {
        Throwable t = catchThrowable(call);
        assertThat(t).as("expected %s", type.getSimpleName()).isInstanceOf(type);
        return type.cast(t);
    }

    /** {@link #fails} and the message must be exactly {@code message}. */
    public static <T extends KmsException> T fails(Class<T> type, String message, ThrowingCallable call) {
        T e = fails(type, call);
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        return e;
    }

    /** For error types the SDK has no class for ({@code ValidationException}...): code and exact message. */
    public static KmsException failsWith(String code, String message, ThrowingCallable call) {
        KmsException e = fails(KmsException.class, call);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.statusCode()).isEqualTo(400);
        if (message != null) {
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        }
        return e;
    }

    /** The error code the server sent ({@code __type}), for errors the SDK has no class for. */
    public static String errorCode(ThrowingCallable call) {
        Throwable t = catchThrowable(call);
        assertThat(t).isInstanceOf(KmsException.class);
        return ((KmsException) t).awsErrorDetails().errorCode();
    }
}
