#!/usr/bin/python3
"""Writes reference.json: score lists with the AP, ROC AUC, PR curve and confusion matrices that
scikit-learn computes for them. The C++ metric tests compare against this file.

Run with Debian's python3 and python3-sklearn:  /usr/bin/python3 tests/data/metrics/make-reference.py
"""
import json
import os

import numpy as np
import sklearn
from sklearn.metrics import average_precision_score, confusion_matrix, precision_recall_curve, roc_auc_score

rng = np.random.default_rng(20261125)


def case(name, scores, labels):
    scores = np.asarray(scores, dtype=np.float32)
    labels = np.asarray(labels, dtype=np.int64)
    s64 = scores.astype(np.float64)
    precision, recall, thresholds = precision_recall_curve(labels, s64)
    out = {
        "name": name,
        "scores": [float(x) for x in s64],
        "labels": [int(x) for x in labels],
        "ap": float(average_precision_score(labels, s64)),
        "auc": float(roc_auc_score(labels, s64)),
        # sklearn lists the curve by increasing threshold and appends (precision 1, recall 0).
        "pr_thresholds": [float(x) for x in thresholds],
        "pr_precision": [float(x) for x in precision[:-1]],
        "pr_recall": [float(x) for x in recall[:-1]],
        "confusion": [],
    }
    for t in (0.1, 0.3, 0.5, 0.7, 0.9):
        tn, fp, fn, tp = confusion_matrix(labels, (s64 >= t).astype(int), labels=[0, 1]).ravel()
        out["confusion"].append({"threshold": t, "tp": int(tp), "fp": int(fp), "tn": int(tn), "fn": int(fn)})
    return out


cases = []
# Noisy scores, well separated on average.
labels = rng.integers(0, 2, 500)
cases.append(case("noisy", np.clip(labels * 0.35 + rng.normal(0.35, 0.2, 500), 0, 1), labels))
# Heavy ties: scores rounded to one decimal.
labels = rng.integers(0, 2, 300)
cases.append(case("ties", np.round(np.clip(labels * 0.2 + rng.uniform(0, 0.8, 300), 0, 1), 1), labels))
# Imbalanced, 5% positives.
labels = (rng.uniform(0, 1, 1000) < 0.05).astype(int)
cases.append(case("imbalanced", np.clip(labels * 0.3 + rng.beta(2, 5, 1000), 0, 1), labels))
# Perfect, inverted and constant scores.
cases.append(case("perfect", [0.9, 0.8, 0.7, 0.2, 0.1, 0.05], [1, 1, 1, 0, 0, 0]))
cases.append(case("inverted", [0.9, 0.8, 0.7, 0.2, 0.1, 0.05], [0, 0, 0, 1, 1, 1]))
cases.append(case("constant", [0.5] * 8, [1, 0, 1, 0, 0, 0, 1, 0]))
cases.append(case("tiny", [0.6, 0.4], [0, 1]))

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "reference.json"), "w") as f:
    json.dump({"sklearn": sklearn.__version__, "cases": cases}, f)
print(f"{len(cases)} cases written with scikit-learn {sklearn.__version__}")
