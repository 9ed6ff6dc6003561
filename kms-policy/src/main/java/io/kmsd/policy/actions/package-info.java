/**
 * KMS action names ({@code kms:Decrypt}) and the static facts about them the rules need: the D3 action classes,
 * the E2 cross-account list, the E12 grant operations and the operations taking an encryption context.
 * Imports nothing from other project packages.
 */
package io.kmsd.policy.actions;
