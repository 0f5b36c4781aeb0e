package io.genai4j.engine.ops;

/**
 * Where a 2-D convolution or pooling window goes: kernel size, stride, zero padding and dilation per
 * axis (H then W), and the number of channel groups. The output size per axis is PyTorch's
 * {@code ⌊(in + 2·pad − dil·(k − 1) − 1)/stride⌋ + 1}.
 */
public record ConvGeometry(int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw, int groups) {
    public ConvGeometry {
        if (kh < 1 || kw < 1 || sh < 1 || sw < 1 || dh < 1 || dw < 1 || groups < 1 || ph < 0 || pw < 0) {
            throw new IllegalArgumentException("convolution needs kernel, stride, dilation, groups >= 1 and padding >= 0, got " + this);
        }
    }

    /** Square kernel with the same stride, padding and dilation on both axes. */
    public static ConvGeometry square(int kernel, int stride, int padding, int dilation, int groups) {
        return new ConvGeometry(kernel, kernel, stride, stride, padding, padding, dilation, dilation, groups);
    }

    public int outH(int h) {
        return out(h, kh, sh, ph, dh);
    }

    public int outW(int w) {
        return out(w, kw, sw, pw, dw);
    }

    private static int out(int in, int k, int s, int p, int d) {
        int span = d * (k - 1) + 1;
        if (in + 2 * p < span) throw new IllegalArgumentException("input size " + in + " (padding " + p + ") is smaller than the window " + span);
        return (in + 2 * p - span) / s + 1;
    }
}
