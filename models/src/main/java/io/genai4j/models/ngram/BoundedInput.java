package io.genai4j.models.ngram;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream that refuses to deliver more than a set number of bytes: wrapped around an
 * inflater, it stops a small compressed file from expanding into gigabytes (a "zip bomb") before
 * the reader's own checks can look at the data.
 */
final class BoundedInput extends FilterInputStream {
    private final long limit;
    private long delivered;

    BoundedInput(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) count(1);
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) count(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        count(s);
        return s;
    }

    private void count(long n) {
        delivered += n;
        if (delivered > limit) {
            throw new IllegalArgumentException("it inflates to more than " + limit + " bytes, far more than a saved model of its size holds");
        }
    }
}
