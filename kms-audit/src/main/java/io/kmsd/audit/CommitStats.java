package io.kmsd.audit;

/**
 * How the trail's group commit is doing since start: records made durable, the batches they were forced in
 * (records / batches = the mean batch size), and the time spent in those forces. The figures an operator needs to
 * tell a slow disk (long forces) from too little concurrency (batches of one).
 */
public record CommitStats(long records, long batches, long forceNanos) {
    public static final CommitStats NONE = new CommitStats(0, 0, 0);

    public CommitStats {
        if (records < 0 || batches < 0 || forceNanos < 0) {
            throw new IllegalArgumentException("commit statistics cannot be negative");
        }
    }
}
