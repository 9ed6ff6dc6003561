package io.kmsd.core.grant.service;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link GrantCreationContract} on the embedded H2 file database. */
class H2GrantCreationTest extends GrantCreationContract {
    @TempDir
    Path dir;

    @Override
    protected TestDatabase openDatabase() throws Exception {
        return TestDatabase.h2(dir);
    }
}
