package io.kmsd.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.kmsd.api.config.KmsFactory;
import io.kmsd.api.config.LoopbackServer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The server's configuration: Dropwizard's own blocks ({@code server}, {@code logging}, {@code metrics}) and
 * the {@code kms:} block of DESIGN "Configuration". Without a {@code server:} block both ports listen on
 * 127.0.0.1 only.
 */
public class KmsConfiguration extends Configuration {
    @Valid
    @NotNull
    private KmsFactory kms = new KmsFactory();

    public KmsConfiguration() {
        setServerFactory(LoopbackServer.defaults());
    }

    @JsonProperty("kms")
    public KmsFactory getKms() {
        return kms;
    }

    @JsonProperty("kms")
    public void setKms(KmsFactory kms) {
        this.kms = kms;
    }
}
