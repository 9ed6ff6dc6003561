/**
 * {@code ./kms policy diff OLD NEW}: two key policies evaluated on the same generated requests — the principals,
 * accounts, actions and condition values they mention — and every request they decide differently, newly allowed
 * or newly denied. Imports io.kmsd.policy.{actions,condition,document,eval,principal,request} and Jackson.
 */
package io.kmsd.policy.diff;
