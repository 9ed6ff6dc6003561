package io.kmsd.api.auth;

/** Turns a received request into its caller, or throws the §1.3/§1.5 error (a {@code KmsException}). */
public interface Authenticator {

    Authenticated authenticate(SignedRequest request);
}
