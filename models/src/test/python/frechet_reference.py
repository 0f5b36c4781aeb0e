"""Reference values for FrechetDistanceTest: the Fréchet distance of two fixed feature sets, computed
as the reference FID code does (scipy.linalg.sqrtm of Σ1·Σ2) when scipy is present, and with numpy's
eigh alone (the √Σ1·Σ2·√Σ1 route) otherwise; both are printed when both can run.

The sets are the ones the test builds: a[i][j] = sin(0.7·i + 1.3·j + 0.1·i·j), b[i][j] = cos(0.4·i − 0.9·j)
+ 0.3·a[i][j]·j/d, i < n rows, j < d columns, n = 40, d = 6.
Run: python3 models/src/test/python/frechet_reference.py
"""
import numpy as np

n, d = 40, 6
i = np.arange(n)[:, None].astype(np.float64)
j = np.arange(d)[None, :].astype(np.float64)
a = np.sin(0.7 * i + 1.3 * j + 0.1 * i * j).astype(np.float32).astype(np.float64)
b = (np.cos(0.4 * i - 0.9 * j) + 0.3 * a * j / d).astype(np.float32).astype(np.float64)


def frechet_eigh(x, y):
    m1, m2 = x.mean(0), y.mean(0)
    s1, s2 = np.cov(x, rowvar=False), np.cov(y, rowvar=False)
    w, v = np.linalg.eigh(s1)
    r = v @ np.diag(np.sqrt(np.clip(w, 0, None))) @ v.T
    lam = np.linalg.eigvalsh(r @ s2 @ r)
    return float(((m1 - m2) ** 2).sum() + np.trace(s1) + np.trace(s2) - 2 * np.sqrt(np.clip(lam, 0, None)).sum())


print("eigh  %.12f" % frechet_eigh(a, b))
try:
    from scipy import linalg
    s1, s2 = np.cov(a, rowvar=False), np.cov(b, rowvar=False)
    covmean = linalg.sqrtm(s1 @ s2).real
    m = a.mean(0) - b.mean(0)
    print("sqrtm %.12f" % float(m @ m + np.trace(s1) + np.trace(s2) - 2 * np.trace(covmean)))
except ImportError:
    pass
