/**
 * The grant model the engine needs (key-policy-semantics E12–E16): grant records, their constraints and state,
 * and the child grant a CreateGrant request asks for. Values only, no storage: kms-api maps stored grants to
 * {@link io.kmsd.policy.grants.Grant}. Imports the JDK only.
 */
package io.kmsd.policy.grants;
