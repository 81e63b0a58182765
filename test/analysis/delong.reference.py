"""
Independent reference values for test/analysis/delong.test.ts (python3 with numpy 2.4):

    python3 test/analysis/delong.reference.py

DeLong, DeLong & Clarke-Pearson (1988) by the textbook route: every response expanded to its own row, the
kernel ψ(x, y) = 1, ½, 0 computed for every positive–negative pair, placement values as its row and column
means, S10 and S01 as numpy covariance matrices, S = S10/n1 + S01/n0. The groups are a fixed arithmetic
pattern both this script and the test compute (no random numbers to keep in step).
"""
import json

import numpy as np
from scipy import stats

G = 40
groups = [{
    "scores": [(g + (g * 7) % 13) / 52, ((g * 5) % 11 + (g >> 1)) / 30, (g % 4) / 4],
    "positives": (g * 3) % 5 + (2 if g >= 20 else 0),
    "negatives": (g * 2 + 1) % 7 + (2 if g < 20 else 0),
} for g in range(G)]

pos = np.array([grp["scores"] for grp in groups for _ in range(grp["positives"])])  # n1 × models
neg = np.array([grp["scores"] for grp in groups for _ in range(grp["negatives"])])  # n0 × models
n1, n0 = len(pos), len(neg)
models = pos.shape[1]
v10 = np.zeros((models, n1))
v01 = np.zeros((models, n0))
auc = np.zeros(models)
for m in range(models):
    psi = (pos[:, m][:, None] > neg[:, m][None, :]) + 0.5 * (pos[:, m][:, None] == neg[:, m][None, :])
    auc[m] = psi.mean()
    v10[m] = psi.mean(axis=1)
    v01[m] = psi.mean(axis=0)
S = np.cov(v10) / n1 + np.cov(v01) / n0
diff = auc[0] - auc[1]
se = np.sqrt(S[0, 0] + S[1, 1] - 2 * S[0, 1])
print(json.dumps({
    "n1": n1, "n0": n0,
    "auc": auc.tolist(),
    "covariance": S.tolist(),
    "difference01": diff,
    "pValue01": 2 * stats.norm.sf(abs(diff) / se),
}, indent=1))
