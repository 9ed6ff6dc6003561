package io.kmsd.core.grant.service;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link GrantCreationContract} on a real (embedded) PostgreSQL. */
class PostgresGrantCreationTest extends GrantCreationContract {
    @TempDir
    Path dir;

    @Override
    protected TestDatabase openDatabase() throws Exception {
        return TestDatabase.postgres(dir);
    }
}
