"""
Independent reference values for test/analysis/firth-profile.test.ts (python3 with numpy 2.4, scipy 1.17):

    python3 test/analysis/firth-profile.reference.py

Firth's penalised log-likelihood l*(b) = sum w·[y·log p + (1 − y)·log(1 − p)] + ½·log det(Xᵀ diag(w·p(1 − p)) X)
is maximised by scipy's BFGS with gradients by complex-step differentiation of l* itself — no hat matrix, no
Newton–Raphson, nothing shared with src/analysis. The profile of coefficient j holds b_j = t and maximises over
the rest with the same penalty (the full model's information), as logistf does (Heinze & Schemper 2002):
  D(t) = 2·(l*(b̂) − max over the rest of l*(t, rest))
  penalised likelihood-ratio p-value = P(χ²₁ > D(0)); 95% CI = the t with D(t) = χ²₁(0.95), found by brentq.
Prints JSON: per case, per coefficient, the estimate, the profile CI and p-value (on the log-odds scale), and
the Wald CI and p-value from the inverse information at the estimate.
"""
import json

import numpy as np
from scipy import optimize, stats

# Rows: predictors, events, trials (a binomial row is the same likelihood as `trials` rows, `events` of them 1).
CASES = {
    # The example: 0 of 40 promoters among the responses mentioning the emotion, 147 of 360 otherwise.
    "issue-2x2": [([1], 0, 40), ([0], 147, 360)],
    # Three yes/no predictors; the third is rare, with one event in 22 rows (near separation).
    "three-predictors": [
        ([0, 0, 0], 50, 120),
        ([1, 0, 0], 30, 45),
        ([0, 1, 0], 8, 40),
        ([1, 1, 0], 12, 20),
        ([0, 0, 1], 1, 12),
        ([1, 0, 1], 0, 3),
        ([0, 1, 1], 0, 6),
        ([1, 1, 1], 0, 1),
    ],
}

CHI2_95 = stats.chi2.ppf(0.95, 1)


def design(rows):
    """Each binomial row as two weighted rows (y = 1 with weight events, y = 0 with weight trials − events)."""
    X, y, w = [], [], []
    for x, events, trials in rows:
        for outcome, weight in ((1, events), (0, trials - events)):
            X.append([1.0, *x])
            y.append(outcome)
            w.append(weight)
    return np.array(X), np.array(y, dtype=float), np.array(w, dtype=float)


def penalised(b, X, y, w):
    """l*(b), written so complex b works (complex-step derivatives)."""
    eta = X @ b
    # log(1 + e^η) without overflow, for complex η too (branch on the real part).
    softplus = np.where(eta.real > 0, eta + np.log1p(np.exp(-eta)), np.log1p(np.exp(eta)))
    loglik = np.sum(w * (y * eta - softplus))
    p = 1 / (1 + np.exp(-eta))
    info = X.T @ (X * (w * p * (1 - p))[:, None])
    sign, logdet = np.linalg.slogdet(info)
    return loglik + 0.5 * (logdet + np.log(sign))


def gradient(b, f):
    h = 1e-30
    return np.array([f(b + 1j * h * np.eye(len(b))[j]).imag / h for j in range(len(b))])


def maximise(f, start):
    res = optimize.minimize(lambda b: -f(b).real, start, jac=lambda b: -gradient(b, f), method="BFGS",
                            options={"gtol": 1e-11, "maxiter": 10000})
    return res.x, -res.fun


def profile(X, y, w, j, t, start):
    free = [m for m in range(X.shape[1]) if m != j]

    def f(rest):
        b = np.zeros(X.shape[1], dtype=complex if np.iscomplexobj(rest) else float)
        b[j] = t
        b[free] = rest
        return penalised(b, X, y, w)

    _, value = maximise(f, start[free])
    return value


def case(rows):
    X, y, w = design(rows)
    f = lambda b: penalised(b, X, y, w)
    b_hat, top = maximise(f, np.zeros(X.shape[1]))
    p = 1 / (1 + np.exp(-(X @ b_hat)))
    info = X.T @ (X * (w * p * (1 - p))[:, None])
    se = np.sqrt(np.diag(np.linalg.inv(info)))
    out = []
    for j in range(X.shape[1]):
        D = lambda t: 2 * (top - profile(X, y, w, j, t, b_hat))
        lo = optimize.brentq(lambda t: D(t) - CHI2_95, b_hat[j] - 40, b_hat[j], xtol=1e-12)
        hi = optimize.brentq(lambda t: D(t) - CHI2_95, b_hat[j], b_hat[j] + 40, xtol=1e-12)
        z = stats.norm.ppf(0.975)
        out.append({
            "estimate": b_hat[j],
            "profileCi": [lo, hi],
            "profileP": stats.chi2.sf(max(D(0.0), 0.0), 1),
            "waldCi": [b_hat[j] - z * se[j], b_hat[j] + z * se[j]],
            "waldP": 2 * stats.norm.sf(abs(b_hat[j] / se[j])),
        })
    return out


if __name__ == "__main__":
    np.seterr(all="ignore")
    print(json.dumps({name: case(rows) for name, rows in CASES.items()}, indent=1, default=float))
