package io.genai4j.engine.kernels;

/**
 * Unfolds image patches into matrix columns so a convolution becomes one GEMM, and folds them back
 * for the gradient. For one image [C, H, W] and a kh×kw window, row (c, i, j) of the column matrix
 * holds, at column (y, x) of the output grid, the input pixel under kernel tap (i, j):
 * {@code x[c, y·sh − ph + i·dh, x·sw − pw + j·dw]}, or 0 in the padding. col2im is its adjoint: it
 * adds every column entry back onto the pixel it came from.
 */
public final class Im2Col {
    private Im2Col() {}

    /** Window geometry: kernel, stride, padding, dilation per axis (H, W), input and output sizes. */
    public record Window(int c, int h, int w, int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw, int oh, int ow) {}

    /** Writes rows (c, i, j) of one image's columns at cols[colOff + row·ld + y·ow + x]. */
    public static void im2col(Window g, float[] x, int xOff, float[] cols, int colOff, int ld) {
        for (int c = 0; c < g.c(); c++) {
            for (int i = 0; i < g.kh(); i++) {
                for (int j = 0; j < g.kw(); j++) {
                    int row = colOff + ((c * g.kh() + i) * g.kw() + j) * ld;
                    for (int y = 0; y < g.oh(); y++) {
                        int iy = y * g.sh() - g.ph() + i * g.dh();
                        int dst = row + y * g.ow();
                        if (iy < 0 || iy >= g.h()) {
                            java.util.Arrays.fill(cols, dst, dst + g.ow(), 0f);
                            continue;
                        }
                        int src = xOff + (c * g.h() + iy) * g.w();
                        int ix0 = -g.pw() + j * g.dw(), lo = Math.min(firstInside(ix0, g.sw()), g.ow()), hi = Math.max(lo, endInside(ix0, g.sw(), g.w(), g.ow()));
                        java.util.Arrays.fill(cols, dst, dst + lo, 0f);
                        if (g.sw() == 1) {
                            System.arraycopy(x, src + ix0 + lo, cols, dst + lo, hi - lo);
                        } else {
                            for (int xo = lo, ix = ix0 + lo * g.sw(); xo < hi; xo++, ix += g.sw()) cols[dst + xo] = x[src + ix];
                        }
                        java.util.Arrays.fill(cols, dst + hi, dst + g.ow(), 0f);
                    }
                }
            }
        }
    }

    /** Adds one image's columns back onto gx[gxOff ..] (which the caller has zeroed or accumulates into). */
    public static void col2im(Window g, float[] cols, int colOff, int ld, float[] gx, int gxOff) {
        for (int c = 0; c < g.c(); c++) {
            for (int i = 0; i < g.kh(); i++) {
                for (int j = 0; j < g.kw(); j++) {
                    int row = colOff + ((c * g.kh() + i) * g.kw() + j) * ld;
                    for (int y = 0; y < g.oh(); y++) {
                        int iy = y * g.sh() - g.ph() + i * g.dh();
                        if (iy < 0 || iy >= g.h()) continue;
                        int src = row + y * g.ow();
                        int dst = gxOff + (c * g.h() + iy) * g.w();
                        int ix0 = -g.pw() + j * g.dw(), lo = Math.min(firstInside(ix0, g.sw()), g.ow()), hi = Math.max(lo, endInside(ix0, g.sw(), g.w(), g.ow()));
                        for (int xo = lo, ix = ix0 + lo * g.sw(); xo < hi; xo++, ix += g.sw()) gx[dst + ix] += cols[src + xo];
                    }
                }
            }
        }
    }
    /** The first output column whose input column ix0 + xo·s is ≥ 0 (left padding ends there). */
    private static int firstInside(int ix0, int s) {
        return ix0 >= 0 ? 0 : (-ix0 + s - 1) / s;
    }

    /** One past the last output column (of ow) whose input column ix0 + xo·s is < w (right padding starts there). */
    private static int endInside(int ix0, int s, int w, int ow) {
        if (ix0 >= w) return 0;
        return Math.max(0, Math.min(ow, (w - 1 - ix0) / s + 1));
    }
}
