#!/usr/bin/env python3
"""The frozen-feature probe of `benchmark train` (issue 14): what a practitioner gets for free.

Reads the backbone features of the proxy task's labeled images and of its held-out images (CSV: label, then the
features; written by the benchmark from the same model and preprocessing as training), fits scikit-learn's
logistic regression on the labeled ones with C chosen by 5-fold cross-validated average precision over a log grid
(features standardised first), and prints one JSON line with the held-out average precision and the time taken.
"""
import argparse
import json
import time

import numpy as np
from sklearn.linear_model import LogisticRegressionCV
from sklearn.metrics import average_precision_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def load(path):
    data = np.loadtxt(path, delimiter=",", dtype=np.float64, ndmin=2)
    return data[:, 1:], data[:, 0].astype(int)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--train", required=True)
    parser.add_argument("--heldout", required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    start = time.perf_counter()
    x, y = load(args.train)
    hx, hy = load(args.heldout)
    probe = make_pipeline(
        StandardScaler(),
        LogisticRegressionCV(Cs=np.logspace(-4, 2, 13), cv=5, scoring="average_precision", max_iter=5000,
                             random_state=args.seed))
    probe.fit(x, y)
    scores = probe.predict_proba(hx)[:, 1]
    ap = average_precision_score(hy, scores)
    print(json.dumps({"heldOutAp": ap, "C": float(probe[-1].C_[0]), "seconds": time.perf_counter() - start,
                      "trainItems": int(len(y)), "heldOutItems": int(len(hy)), "features": int(x.shape[1])}))


if __name__ == "__main__":
    main()
