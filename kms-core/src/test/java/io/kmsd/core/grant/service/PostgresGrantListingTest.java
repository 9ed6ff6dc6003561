package io.kmsd.core.grant.service;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link GrantListingContract} on a real (embedded) PostgreSQL. */
class PostgresGrantListingTest extends GrantListingContract {
    @TempDir
    Path dir;

    @Override
    protected TestDatabase openDatabase() throws Exception {
        return TestDatabase.postgres(dir);
    }
}
