#!/usr/bin/python3
"""The baseline of `nsfw-workbench benchmark audit`: what a practitioner gets for free from frozen features.
Logistic regression on the backbone features the benchmark wrote (scikit-learn, default regularisation), 5-fold
stratified cross-validation for out-of-sample probabilities, then the same confident-learning rule as the tool
(confident_learning.py, from the paper). Prints one JSON line: the suspects' indices, most suspect first.

    audit_baseline.py FEATURES.f32 META.json SEED
FEATURES.f32: n x d float32, row-major; META.json: {"dimension": d, "labels": [0/1 ...]} (the given, noisy labels).
"""
import json
import os
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from confident_learning import audit  # noqa: E402


def main():
    features_path, meta_path, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
    meta = json.load(open(meta_path))
    labels = np.asarray(meta["labels"], dtype=int)
    x = np.fromfile(features_path, dtype=np.float32).reshape(len(labels), meta["dimension"])
    probe = make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000))
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)
    p_nsfw = cross_val_predict(probe, x, labels, cv=folds, method="predict_proba")[:, 1]
    result = audit(labels, p_nsfw)
    print(json.dumps({"suspects": result["suspects"], "estimatedErrors": result["estimatedErrors"],
                      "model": "StandardScaler + LogisticRegression (C=1), 5-fold StratifiedKFold"}))


if __name__ == "__main__":
    main()
