"""Confident learning for two classes, written from the paper (Northcutt, Jiang, Chuang, "Confident Learning:
Estimating Uncertainty in Dataset Labels", JAIR 70, 2021, sections 3.1-3.3), with the conventions of the authors'
code: thresholds floored at 2e-6, a 1e-6 margin in comparisons, at least one item on the joint's diagonal, at least
one item kept per class, no item flagged that the model assigns to its given label. numpy only, independent of the
C++ code (core/train/labelaudit.cpp): tests/data/labelaudit/make-reference.py makes the reference its test compares
with, and audit_baseline.py applies it to a logistic-regression probe for `benchmark audit`.
"""
import numpy as np

FUZZ = 1e-6


def round_row(row):
    """Integers with the same (rounded) total: numpy's half-to-even rounding, then the entries with the largest
    remainders move first."""
    ints = np.round(row)
    want = np.round(row.sum())
    while abs(want - ints.sum()) > FUZZ:
        step = 1 if want > ints.sum() else -1
        remainder = row - ints
        # stable: on equal remainders the first entry moves
        j = int(np.argsort(-step * remainder, kind="stable")[0])
        ints[j] += step
    return ints.astype(int)


def audit(labels, p_nsfw):
    labels = np.asarray(labels, dtype=int)
    probs = np.stack([1.0 - np.asarray(p_nsfw, dtype=float), np.asarray(p_nsfw, dtype=float)], axis=1)
    n, k = probs.shape
    # (1) per-class thresholds: expected self-confidence of each given label
    t = np.array([probs[labels == j, j].mean() if np.any(labels == j) else 2.0 for j in range(k)])
    t = np.maximum(t, 2e-6)
    # (2) confident joint C[given][true]
    above = probs >= t - FUZZ
    cj = np.zeros((k, k), dtype=int)
    for x in range(n):
        confident = np.flatnonzero(above[x])
        if confident.size == 0:
            continue
        truth = int(np.argmax(probs[x])) if confident.size > 1 else int(confident[0])
        cj[labels[x], truth] += 1
    counted = cj.copy()
    # (3) calibrate rows to the given-label counts
    cj[np.diag_indices(k)] = np.maximum(cj.diagonal(), 1)
    counts = np.bincount(labels, minlength=k)
    calibrated = np.array([round_row(cj[i] / cj[i].sum() * counts[i]) for i in range(k)])
    # (4) prune by noise rate
    flagged = np.zeros(n, dtype=bool)
    for i in range(k):
        members = np.flatnonzero(labels == i)
        if members.size <= 1:
            continue
        for j in range(k):
            if j == i:
                continue
            prune = min(int(calibrated[i, j]), members.size - 1)
            margin = probs[members, j] - probs[members, i]
            order = np.argsort(-margin, kind="stable")
            flagged[members[order[:prune]]] = True
    given = probs[np.arange(n), labels]
    other = probs[np.arange(n), 1 - labels]
    flagged &= ~(given + FUZZ >= other)
    # (5) rank by normalized margin, lowest first (ties by item index)
    quality = (given - other + 1) / 2
    suspects = sorted(np.flatnonzero(flagged).tolist(), key=lambda x: (quality[x], x))
    return {
        "thresholds": t.tolist(),
        "confidentJoint": counted.tolist(),
        "calibratedJoint": calibrated.tolist(),
        "estimatedErrors": int(calibrated[0, 1] + calibrated[1, 0]),
        "suspects": suspects,
        "suggested": [int(1 - labels[x]) for x in suspects],
        "suspectScores": [float(other[x]) for x in suspects],
    }
