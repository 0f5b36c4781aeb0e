package io.genai4j.llm.hub;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A download's {@code .part} file, written in {@link #CHUNK} pieces. It is opened without following
 * a symbolic link (a planted link cannot redirect the write) and locked for this process, so two
 * pulls of one file cannot interleave their bytes. Nothing is written on close: the caller flushes
 * what it wants kept, or discards it.
 */
final class PartFile implements AutoCloseable {
    /**
     * Bytes per write. A killed run loses at most this much; 2 MB writes still let the page cache
     * hold the file in 2 MB folios, which a mapping of it uses as huge pages (see engine.io.HugePages).
     */
    static final int CHUNK = 2 << 20;

    private final FileChannel out;
    private final byte[] buf = new byte[CHUNK];
    private int pending;

    private PartFile(FileChannel out) {
        this.out = out;
    }

    /** Opens part to append to it (resume) or to write it anew. */
    static PartFile open(Path part, boolean append) throws IOException {
        FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE, StandardOpenOption.CREATE, LinkOption.NOFOLLOW_LINKS);
        try {
            FileLock lock;
            try {
                lock = ch.tryLock();   // released when the channel closes
            } catch (OverlappingFileLockException e) {
                lock = null;           // this very process holds it
            }
            if (lock == null) throw new IOException("another download is writing " + part + "; wait for it to finish, or stop it, and run again");
            if (append) ch.position(ch.size());
            else ch.truncate(0);       // only now: truncating before the lock would destroy another run's bytes
            return new PartFile(ch);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Reads from in into the buffer, writing it out when full; the count read, or -1 at the end. */
    int readFrom(InputStream in) throws IOException {
        int n = in.read(buf, pending, CHUNK - pending);
        if (n > 0) {
            pending += n;
            if (pending == CHUNK) flush();
        }
        return n;
    }

    /** Writes what the buffer holds. */
    void flush() throws IOException {
        ByteBuffer b = ByteBuffer.wrap(buf, 0, pending);
        while (b.hasRemaining()) out.write(b);
        pending = 0;
    }

    /** Drops the buffer and empties the file: what arrived cannot be trusted. */
    void discard() throws IOException {
        pending = 0;
        out.truncate(0);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
