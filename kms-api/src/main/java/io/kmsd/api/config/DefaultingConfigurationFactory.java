package io.kmsd.api.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.ResourceConfigurationSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import jakarta.validation.Validator;
import java.io.IOException;

/**
 * Configuration without a file ({@code ./kms server}): the bundled {@value #DEFAULT_RESOURCE} instead of
 * Dropwizard's built-in defaults, which would listen on every interface. The bundled file binds both ports to
 * 127.0.0.1 and keeps every {@code kms:} default.
 */
public final class DefaultingConfigurationFactory<T> extends YamlConfigurationFactory<T> {
    public static final String DEFAULT_RESOURCE = "kms-default.yml";

    public DefaultingConfigurationFactory(Class<T> klass, Validator validator, ObjectMapper mapper, String prefix) {
        super(klass, validator, mapper, prefix);
    }

    @Override
    public T build() throws IOException, ConfigurationException {
        return build(new ResourceConfigurationSourceProvider(), DEFAULT_RESOURCE);
    }
}
