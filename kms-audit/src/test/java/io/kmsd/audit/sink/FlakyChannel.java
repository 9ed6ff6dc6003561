package io.kmsd.audit.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.atomic.AtomicBoolean;

/** A real file channel whose forces and truncations fail while {@code failing} is set (a dying disk). */
final class FlakyChannel extends FileChannel {
    private final FileChannel real;
    private final AtomicBoolean failing;
    private final Runnable beforeForce;

    FlakyChannel(FileChannel real, AtomicBoolean failing, Runnable beforeForce) {
        this.real = real;
        this.failing = failing;
        this.beforeForce = beforeForce;
    }

    static ChannelOpener opener(AtomicBoolean failing) {
        return opener(failing, () -> { });
    }

    /** {@code beforeForce} runs at every force (a test can hold the writer inside a force with it). */
    static ChannelOpener opener(AtomicBoolean failing, Runnable beforeForce) {
        return path -> new FlakyChannel(ChannelOpener.FILES.open(path), failing, beforeForce);
    }

    private void check() throws IOException {
        if (failing.get()) {
            throw new IOException("No space left on device (simulated)");
        }
    }

    /** Writes land (in halves, to exercise short writes) even while failing: only the force fails. */
    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        int half = Math.max(1, src.remaining() / 2);
        ByteBuffer part = src.duplicate();
        part.limit(part.position() + Math.min(half, src.remaining()));
        int n = real.write(part, position);
        src.position(src.position() + n);
        return n;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        beforeForce.run();
        check();
        real.force(metaData);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        check();
        return real.write(src);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        check();
        return real.write(srcs, offset, length);
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        check();
        real.truncate(size);
        return this;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return real.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return real.read(dsts, offset, length);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return real.read(dst, position);
    }

    @Override
    public long position() throws IOException {
        return real.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        real.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return real.size();
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return real.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        check();
        return real.transferFrom(src, position, count);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        return real.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return real.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return real.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        real.close();
    }
}
