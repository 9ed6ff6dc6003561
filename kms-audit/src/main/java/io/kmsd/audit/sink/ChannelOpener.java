package io.kmsd.audit.sink;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opens a log file for writing; a seam so tests can make writes fail. */
@FunctionalInterface
interface ChannelOpener {
    ChannelOpener FILES = path -> FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);

    FileChannel open(Path path) throws IOException;
}
