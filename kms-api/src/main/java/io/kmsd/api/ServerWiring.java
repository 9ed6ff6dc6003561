package io.kmsd.api;

import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.lifecycle.Managed;
import io.kmsd.api.auth.FirstStart;
import io.kmsd.api.auth.IdentitiesException;
import io.kmsd.api.auth.IdentitiesFile;
import io.kmsd.api.auth.IdentityStore;
import io.kmsd.api.authz.Authorizer;
import io.kmsd.api.config.KmsFactory;
import io.kmsd.api.error.JettyErrors;
import io.kmsd.api.error.KmsExceptionMapper;
import io.kmsd.api.health.DatabaseHealthCheck;
import io.kmsd.api.health.RootKeyHealthCheck;
import io.kmsd.api.operation.Handlers;
import io.kmsd.api.operation.KeyAccess;
import io.kmsd.api.protocol.AuditHook;
import io.kmsd.api.protocol.Dispatcher;
import io.kmsd.api.protocol.KmsResource;
import io.kmsd.api.protocol.KmsHandler;
import io.kmsd.api.protocol.KmsServlet;
import io.kmsd.api.protocol.OperationMetrics;
import io.kmsd.api.protocol.OperationTable;
import io.kmsd.api.protocol.RequestIdFilter;
import io.kmsd.api.protocol.Unrouted;
import io.kmsd.api.protocol.UnroutedAuditFilter;
import io.kmsd.api.wire.WireCodec;
import io.kmsd.audit.sink.AuditSinks;
import io.kmsd.core.Core;
import io.kmsd.core.crypto.RootKeyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Builds the running server from its configuration: data directory, identities (first start included),
 * database and core, authentication, the authorization seam, the audit trail, the operation table, the one
 * resource, the one exception mapper, health checks, metrics and the deletion, rotation and
 * material expiry jobs. Problems an operator can fix become a
 * {@link StartupException} with one clear message.
 */
final class ServerWiring {
    private ServerWiring() {
    }

    static void wire(KmsConfiguration configuration, Environment env, Clock clock) {
        KmsFactory kms = configuration.getKms();
        Path dataDir = dataDir(kms);
        IdentityStore identities = identities(kms, dataDir, configuration);
        Core core = core(kms, env, clock);
        KeyAccess access = new KeyAccess(core.keys(), core.grants(), authorizer(kms, identities, core));
        AuditHook audit = audit(kms, dataDir, env, clock, core);
        Dispatcher dispatcher = new Dispatcher(kms.getAuth().build(identities, kms.servedRegions(), clock),
                OperationTable.of(Handlers.all(access)), WireCodec.standard(), new OperationMetrics(env.metrics()),
                audit, clock, (int) kms.getMaxRequestSize().toBytes());
        registerProtocol(env, dispatcher, new Unrouted(audit, clock));
        env.healthChecks().register("database", new DatabaseHealthCheck(core.health()));
        env.healthChecks().register("root-key", new RootKeyHealthCheck(core.health()));
        env.lifecycle().manage(kms.getDeletion().build(core.keys(),
                env.lifecycle().scheduledExecutorService("kms-deletion-%d").threads(1).build(), audit::keyDeleted));
        env.lifecycle().manage(kms.getRotation().build(core.keys(),
                env.lifecycle().scheduledExecutorService("kms-rotation-%d").threads(1).build()));
        env.lifecycle().manage(kms.getMaterialExpiry().build(core.keys(),
                env.lifecycle().scheduledExecutorService("kms-material-expiry-%d").threads(1).build()));
        if (configuration.getServerFactory() instanceof AbstractServerFactory server) {
            server.setRegisterDefaultExceptionMappers(false); // ours is the only one (kms-api §1.2)
        }
    }

    private static void registerProtocol(Environment env, Dispatcher dispatcher, Unrouted unrouted) {
        env.jersey().register(new RequestIdFilter());
        env.jersey().register(new UnroutedAuditFilter(unrouted));
        env.jersey().register(new KmsExceptionMapper());
        env.jersey().register(new KmsResource(dispatcher));
        // The context root exactly ("") goes to the servlet, before Jersey's "/*" (Servlet spec 12.2): it refuses
        // the methods other than POST. POST / and GET /ping are answered ahead of all servlets (KmsHandler says why).
        env.servlets().addServlet("kms-protocol", new KmsServlet(unrouted)).addMapping("");
        env.getApplicationContext().insertHandler(new KmsHandler(dispatcher));
        env.getApplicationContext().setErrorHandler(new JettyErrors.ServletHandler());
        env.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(new JettyErrors.ServerHandler()));
    }

    private static Path dataDir(KmsFactory kms) {
        Path dir = kms.dataPath();
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StartupException("the data directory " + dir + " cannot be created: " + e.getMessage(), e);
        }
    }

    /** The identities file, created with one administrator on the first start (DESIGN "Running"). */
    private static IdentityStore identities(KmsFactory kms, Path dataDir, KmsConfiguration configuration) {
        Path file = kms.getAuth().identitiesPath(dataDir);
        try {
            new FirstStart(new SecureRandom()).ensureIdentities(file, dataDir, kms.getAuth().defaultAccountId())
                    .ifPresent(created -> System.out.println(FirstStart.usage(created, endpoint(configuration))));
            return IdentitiesFile.load(file);
        } catch (IdentitiesException | java.io.UncheckedIOException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    /** The policy engine over the identities (their identity policies compiled now) and core's grants. */
    private static Authorizer authorizer(KmsFactory kms, IdentityStore identities, Core core) {
        try {
            return kms.getPolicy().build(identities, core.grants(), kms.getAuth().getMode());
        } catch (IdentitiesException | io.kmsd.policy.cedar.GuardrailException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    private static Core core(KmsFactory kms, Environment env, Clock clock) {
        ManagedDataSource dataSource = kms.databaseOrDefault().build(env.metrics(), "kms-database");
        env.lifecycle().manage(dataSource);
        try {
            Core core = Core.start(kms.coreConfig(dataSource, clock));
            env.lifecycle().manage(new Managed() {
                @Override
                public void stop() {
                    core.close();
                }
            });
            return core;
        } catch (RootKeyException e) {
            throw new StartupException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new StartupException("the database " + kms.databaseOrDefault().getUrl() + " cannot be used: "
                    + rootCause(e).getMessage(), e);
        }
    }

    /** The audit trail under {@code dataDir/audit} (issue 5); the state lookup serves key state changes. */
    private static AuditHook audit(KmsFactory kms, Path dataDir, Environment env, Clock clock, Core core) {
        try {
            return kms.getAudit().build(env, dataDir, clock, arn -> Optional.of(core.keys().facts(arn).state()));
        } catch (IOException | RuntimeException e) {
            throw new StartupException("the audit trail in " + AuditSinks.auditDir(dataDir) + " cannot be opened: "
                    + rootCause(e).getMessage(), e);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** The API endpoint for the first-start hint: the first HTTP application connector. */
    static String endpoint(KmsConfiguration configuration) {
        if (configuration.getServerFactory() instanceof DefaultServerFactory server) {
            List<ConnectorFactory> connectors = server.getApplicationConnectors();
            if (!connectors.isEmpty() && connectors.get(0) instanceof HttpConnectorFactory http) {
                String host = http.getBindHost() == null ? "127.0.0.1" : http.getBindHost();
                return "http://" + host + ":" + http.getPort();
            }
        }
        return "http://127.0.0.1:8080";
    }
}
