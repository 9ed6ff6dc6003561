package io.kmsd.audit.testing;

import io.kmsd.audit.chain.LogFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads and rewrites log files line by line, as a tamperer would. */
public final class TrailFiles {
    private TrailFiles() {
    }

    public static List<Path> logs(Path dir) {
        return LogFiles.logs(dir).stream().map(LogFiles.LogFile::path).toList();
    }

    public static List<String> lines(Path file) throws IOException {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    public static void write(Path file, List<String> lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    /** Every event line of every file, in order. */
    public static String all(Path dir) throws IOException {
        StringBuilder s = new StringBuilder();
        for (Path p : logs(dir)) {
            s.append(Files.readString(p, StandardCharsets.UTF_8));
        }
        return s.toString();
    }
}
