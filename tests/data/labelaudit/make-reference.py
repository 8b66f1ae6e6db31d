#!/usr/bin/python3
"""Reference results of confident learning for tst_labelaudit, from packaging/bench/confident_learning.py (written
from the paper with numpy only, independently of the C++ code). Run it to rewrite reference.json:

    /usr/bin/python3 tests/data/labelaudit/make-reference.py > tests/data/labelaudit/reference.json
"""
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "packaging", "bench"))
from confident_learning import audit  # noqa: E402


def case(name, labels, scores):
    result = audit(labels, scores)
    result.update({"name": name, "labels": [int(v) for v in labels], "scores": [float(v) for v in scores]})
    return result


def main():
    rng = np.random.default_rng(20261201)
    cases = []
    # A separable task with 10 % of the labels flipped: the flipped items carry their true class's scores.
    for n, noise, sharp in [(200, 0.1, 6.0), (1000, 0.1, 4.0), (500, 0.25, 3.0), (60, 0.05, 8.0)]:
        truth = (rng.random(n) < 0.4).astype(int)
        logits = rng.normal(0, 1, n) + sharp * (truth - 0.5)
        scores = np.float32(1 / (1 + np.exp(-logits)))
        labels = truth.copy()
        flip = rng.choice(n, int(noise * n), replace=False)
        labels[flip] = 1 - labels[flip]
        cases.append(case(f"planted {noise:.0%} of {n}", labels, scores))
    # Coarse scores: many ties in thresholds, margins and ranks.
    labels = (rng.random(300) < 0.5).astype(int)
    scores = np.round(rng.random(300) * 10) / 10
    cases.append(case("ties", labels, scores))
    # One class only: its threshold is the mean, the other's is out of reach.
    cases.append(case("one class", [1] * 20, rng.random(20)))
    # Clean labels and a confident model: nothing to flag.
    cases.append(case("clean", [0] * 10 + [1] * 10, [0.05] * 10 + [0.95] * 10))
    # Every item labeled against the model.
    cases.append(case("all wrong", [1] * 10 + [0] * 10, [0.05] * 10 + [0.95] * 10))
    # Scores exactly 0 and 1.
    cases.append(case("extremes", [0, 0, 0, 1, 1, 1, 0, 1], [0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0]))
    print(json.dumps({"cases": cases}, indent=1))


if __name__ == "__main__":
    main()
