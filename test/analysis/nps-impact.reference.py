"""
Independent reference values for test/analysis/nps-impact.test.ts (python3 with numpy 2.4, scipy 1.17):

    python3 test/analysis/nps-impact.reference.py

Every response is its own row. The promoter and detractor models are Firth fits by the maximiser of
firth-profile.reference.py (BFGS on the penalised likelihood, complex-step gradients). The adjusted impact of
column j is 100/N · Σ over responses mentioning j of [(p̂P − p̂D) − (p̂P − p̂D with column j set to 0)]. Its
standard error: the gradient of that function of (βP, βD) by complex steps, and the covariance of the two
fits from the stacked estimating equations ψᵢ = [xᵢ(yPᵢ − πPᵢ); xᵢ(yDᵢ − πDᵢ)]: A⁻¹ (Σ ψᵢψᵢᵀ) A⁻¹ with A the
block-diagonal information — a 2p × 2p sandwich over the responses, not the per-row sums of the TypeScript.
"""
import importlib.util
import json
import os

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("firth", os.path.join(here, "firth-profile.reference.py"))
firth = importlib.util.module_from_spec(spec)
spec.loader.exec_module(firth)

# Design rows (three emotions, one language dummy) with (promoters, passives, detractors).
ROWS = [
    ([0, 0, 0, 0], (40, 30, 50)),
    ([1, 0, 0, 0], (30, 10, 5)),
    ([0, 1, 0, 0], (6, 10, 24)),
    ([1, 1, 0, 0], (9, 6, 5)),
    ([0, 0, 1, 0], (2, 4, 14)),
    ([1, 0, 1, 0], (3, 1, 2)),
    ([0, 0, 0, 1], (20, 20, 30)),
    ([1, 0, 0, 1], (15, 5, 4)),
    ([0, 1, 0, 1], (3, 5, 15)),
    ([0, 0, 1, 1], (0, 2, 9)),
]

X, yP, yD = [], [], []
for x, (p, s, d) in ROWS:
    for outcome, count in (("P", p), ("S", s), ("D", d)):
        for _ in range(count):
            X.append([1.0, *x])
            yP.append(1.0 if outcome == "P" else 0.0)
            yD.append(1.0 if outcome == "D" else 0.0)
X, yP, yD = np.array(X), np.array(yP), np.array(yD)
w = np.ones(len(X))
N, p = X.shape

bP, _ = firth.maximise(lambda b: firth.penalised(b, X, yP, w), np.zeros(p))
bD, _ = firth.maximise(lambda b: firth.penalised(b, X, yD, w), np.zeros(p))


def expit(z):
    return 1 / (1 + np.exp(-z))


def impact(beta, j):
    b_p, b_d = beta[:p], beta[p:]
    mention = X[:, j] == 1
    X0 = X.copy()
    X0[:, j] = 0
    now = expit(X @ b_p) - expit(X @ b_d)
    without = expit(X0 @ b_p) - expit(X0 @ b_d)
    return 100 / N * np.sum((now - without)[mention])


piP, piD = expit(X @ bP), expit(X @ bD)
psi = np.hstack([X * (yP - piP)[:, None], X * (yD - piD)[:, None]])
meat = psi.T @ psi
A = np.zeros((2 * p, 2 * p))
A[:p, :p] = X.T @ (X * (piP * (1 - piP))[:, None])
A[p:, p:] = X.T @ (X * (piD * (1 - piD))[:, None])
Ainv = np.linalg.inv(A)
cov = Ainv @ meat @ Ainv

out = []
beta = np.concatenate([bP, bD])
for j in (1, 2, 3):
    g = np.array([impact(beta + 1j * 1e-30 * np.eye(2 * p)[m], j).imag / 1e-30 for m in range(2 * p)])
    out.append({"column": j - 1, "points": impact(beta, j), "se": float(np.sqrt(g @ cov @ g))})
print(json.dumps({"promoter": bP.tolist(), "detractor": bD.tolist(), "impacts": out}, indent=1))
