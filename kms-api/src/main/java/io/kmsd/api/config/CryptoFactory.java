package io.kmsd.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code kms.crypto}: which optional algorithms this server offers. SM2 (keys, SM2PKE, SM2DSA, SM2 data key pairs
 * and SM2 wrapping keys) exists only in AWS's China Regions, so it is off unless asked for (kms-api §3.2: "ours:
 * config flag").
 */
public class CryptoFactory {
    private boolean allowSm2;

    @JsonProperty
    public boolean isAllowSm2() {
        return allowSm2;
    }

    @JsonProperty
    public void setAllowSm2(boolean allowSm2) {
        this.allowSm2 = allowSm2;
    }
}
