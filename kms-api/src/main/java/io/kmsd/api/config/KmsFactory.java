package io.kmsd.api.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.DataSize;
import io.dropwizard.validation.MaxDataSize;
import io.dropwizard.validation.MinDataSize;
import io.dropwizard.validation.ValidationMethod;
import io.kmsd.api.auth.ServedRegions;
import io.kmsd.core.CoreConfig;
import io.kmsd.core.crypto.FileRootKeyProvider;
import io.kmsd.core.key.Region;
import io.kmsd.core.store.jdbc.DataSources;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;

/**
 * The {@code kms:} block (DESIGN "Configuration"): data directory, database, authentication, deletion rule,
 * the policy engine's switches, grant caching, the Regions served, the request size limit, the key cache and
 * the audit trail. Every value has a default, so an empty block (or none) runs the embedded server with its
 * data under {@code ./data}.
 */
public class KmsFactory {
    @NotEmpty
    private String dataDir = "./data";

    @Valid
    private DataSourceFactory database;

    @Valid
    @NotNull
    private AuthFactory auth = new AuthFactory();

    @Valid
    @NotNull
    private DeletionFactory deletion = new DeletionFactory();

    @Valid
    @NotNull
    private RotationFactory rotation = new RotationFactory();

    @Valid
    @NotNull
    private MaterialExpiryFactory materialExpiry = new MaterialExpiryFactory();

    @Valid
    @NotNull
    private CacheFactory cache = new CacheFactory();

    @Valid
    @NotNull
    private PolicyFactory policy = new PolicyFactory();

    @Valid
    @NotNull
    private GrantsFactory grants = new GrantsFactory();

    @Valid
    @NotNull
    private AuditFactory audit = new AuditFactory();

    @Valid
    @NotNull
    private CryptoFactory crypto = new CryptoFactory();

    @NotNull
    private List<String> regions = List.of();

    @NotNull
    @MinDataSize(value = 1, unit = io.dropwizard.util.DataSizeUnit.KIBIBYTES)
    @MaxDataSize(value = 16, unit = io.dropwizard.util.DataSizeUnit.MEBIBYTES)
    private DataSize maxRequestSize = DataSize.mebibytes(1);

    @JsonProperty
    public String getDataDir() {
        return dataDir;
    }

    @JsonProperty
    public void setDataDir(String dataDir) {
        this.dataDir = dataDir;
    }

    /** Null unless configured: the embedded H2 file database of {@link #databaseOrDefault()} is used then. */
    @JsonProperty
    public DataSourceFactory getDatabase() {
        return database;
    }

    @JsonProperty
    public void setDatabase(DataSourceFactory database) {
        this.database = database;
    }

    @JsonProperty
    public AuthFactory getAuth() {
        return auth;
    }

    @JsonProperty
    public void setAuth(AuthFactory auth) {
        this.auth = auth;
    }

    @JsonProperty
    public DeletionFactory getDeletion() {
        return deletion;
    }

    @JsonProperty
    public void setDeletion(DeletionFactory deletion) {
        this.deletion = deletion;
    }

    @JsonProperty
    public RotationFactory getRotation() {
        return rotation;
    }

    @JsonProperty
    public void setRotation(RotationFactory rotation) {
        this.rotation = rotation;
    }

    @JsonProperty
    public MaterialExpiryFactory getMaterialExpiry() {
        return materialExpiry;
    }

    @JsonProperty
    public void setMaterialExpiry(MaterialExpiryFactory materialExpiry) {
        this.materialExpiry = materialExpiry;
    }

    @JsonProperty
    public CacheFactory getCache() {
        return cache;
    }

    @JsonProperty
    public void setCache(CacheFactory cache) {
        this.cache = cache;
    }

    @JsonProperty
    public PolicyFactory getPolicy() {
        return policy;
    }

    @JsonProperty
    public void setPolicy(PolicyFactory policy) {
        this.policy = policy;
    }

    @JsonProperty
    public GrantsFactory getGrants() {
        return grants;
    }

    @JsonProperty
    public void setGrants(GrantsFactory grants) {
        this.grants = grants;
    }

    @JsonProperty
    public CryptoFactory getCrypto() {
        return crypto;
    }

    @JsonProperty
    public void setCrypto(CryptoFactory crypto) {
        this.crypto = crypto;
    }

    @JsonProperty
    public AuditFactory getAudit() {
        return audit;
    }

    @JsonProperty
    public void setAudit(AuditFactory audit) {
        this.audit = audit;
    }

    /** The Regions served; empty (the default) means every valid Region name. */
    @JsonProperty
    public List<String> getRegions() {
        return regions;
    }

    @JsonProperty
    public void setRegions(List<String> regions) {
        this.regions = regions;
    }

    /** Request bodies above this are a ValidationException (kms-api §1.1: 1 MiB). */
    @JsonProperty
    public DataSize getMaxRequestSize() {
        return maxRequestSize;
    }

    @JsonProperty
    public void setMaxRequestSize(DataSize maxRequestSize) {
        this.maxRequestSize = maxRequestSize;
    }

    @JsonIgnore
    @ValidationMethod(message = "regions must be Region names such as us-east-1")
    public boolean isRegionListValid() {
        return regions.stream().allMatch(Region::isValid);
    }

    public Path dataPath() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }

    public ServedRegions servedRegions() {
        return regions.isEmpty() ? ServedRegions.all() : ServedRegions.only(regions);
    }

    /** The configured database, or the embedded H2 file database {@code <dataDir>/kms}. */
    public DataSourceFactory databaseOrDefault() {
        if (database != null) {
            return database;
        }
        DataSourceFactory h2 = new DataSourceFactory();
        h2.setDriverClass("org.h2.Driver");
        h2.setUrl(DataSources.h2Url(dataPath()));
        h2.setUser("sa");
        h2.setPassword("");
        h2.setMinSize(4);
        h2.setInitialSize(4);
        h2.setMaxSize(32);
        return h2;
    }

    /** Core's configuration over {@code dataSource}, with the root key file {@code <dataDir>/root.key}. */
    public CoreConfig coreConfig(DataSource dataSource, Clock clock) {
        return CoreConfig.builder()
                .dataSource(dataSource)
                .rootKey(FileRootKeyProvider.open(dataPath().resolve(FileRootKeyProvider.DEFAULT_FILE_NAME)))
                .clock(clock)
                .requireDisabledBeforeDeletion(deletion.isRequireDisabled())
                .allowSm2(crypto.isAllowSm2())
                .cacheRefreshInterval(cache.getRefreshInterval().toJavaDuration())
                .grantRefreshInterval(grants.getRefreshInterval().toJavaDuration())
                .grantPropagationDelay(grants.getPropagationDelay().toJavaDuration())
                .build();
    }
}
