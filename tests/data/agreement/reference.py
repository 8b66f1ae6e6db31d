#!/usr/bin/env python3
"""Independent reference for `nsfw-workbench agreement` (tests/train/tst_agreement).

Reads a JSON file the test writes:
    {"categories": ["safe", "nsfw", "unsure"],
     "ratings": [[item, annotator, label], ...],      # each annotator's latest label of an item
     "reference": {"item": label, ...}}                # the item's current (training) label
and prints the figures as JSON, undefined ones as null:
    percentAgreement, unanimous, fleissKappa, fleissItems, fleissRaters, krippendorffAlpha,
    pairs: [{"annotators": [a, b], "items": n, "agreement": x, "cohenKappa": k}],
    confusion: {annotator: [[...]]} (rows: the annotator's label, columns: the reference label, on the overlap).

Written from the published formulas, not from the C++ code:
- Cohen's kappa: scikit-learn's cohen_kappa_score on the items both annotators labeled.
- Fleiss' kappa: J. L. Fleiss, "Measuring nominal scale agreement among many raters", Psychological Bulletin 76(5),
  1971: P_i = (sum_j n_ij^2 - n) / (n (n - 1)), P-bar = mean P_i, p_j = sum_i n_ij / (N n), P_e = sum_j p_j^2,
  kappa = (P-bar - P_e) / (1 - P_e). It needs the same n on every item: it is taken over the overlap items with the
  most common number of annotators (ties: the larger number), the rule the application documents.
- Krippendorff's alpha, nominal, in its coincidence-matrix form (K. Krippendorff, "Computing Krippendorff's
  Alpha-Reliability", 2011): o_ck = sum_u (number of c-k pairs of values in unit u) / (m_u - 1) over units with
  m_u >= 2 values, n_c = sum_k o_ck, n = sum_c n_c, alpha = 1 - (n - 1) sum_{c != k} o_ck / sum_{c != k} n_c n_k.
- Percent agreement: the mean over overlap items of the share of agreeing pairs of annotators (Fleiss's P_i for the
  item's own number of annotators).
Run it as `python3 reference.py FILE`; `python3 reference.py --self-test` checks the formulas on published examples.
"""

import itertools
import json
import math
import sys
import warnings
from collections import Counter, defaultdict


def fleiss_kappa(table):
    """table: one row per item of counts per category, every row summing to the same n."""
    N = len(table)
    if N == 0:
        return None
    n = sum(table[0])
    if n < 2 or any(sum(row) != n for row in table):
        return None
    k = len(table[0])
    P = [(sum(x * x for x in row) - n) / (n * (n - 1)) for row in table]
    P_bar = sum(P) / N
    p = [sum(row[j] for row in table) / (N * n) for j in range(k)]
    P_e = sum(x * x for x in p)
    if P_e == 1:
        return None
    return (P_bar - P_e) / (1 - P_e)


def krippendorff_alpha_nominal(units, categories):
    """units: lists of values (one per coder who coded the unit); missing values are simply absent."""
    o = {(c, k): 0.0 for c in categories for k in categories}
    for values in units:
        m = len(values)
        if m < 2:
            continue
        for a, b in itertools.permutations(range(m), 2):
            o[(values[a], values[b])] += 1.0 / (m - 1)
    n_c = {c: sum(o[(c, k)] for k in categories) for c in categories}
    n = sum(n_c.values())
    D_o = sum(o[(c, k)] for c in categories for k in categories if c != k)
    D_e = sum(n_c[c] * n_c[k] for c in categories for k in categories if c != k)
    if n <= 1 or D_e == 0:
        return None
    return 1.0 - (n - 1) * D_o / D_e


def cohen(a, b, categories):
    from sklearn.metrics import cohen_kappa_score
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        k = cohen_kappa_score(a, b, labels=categories)
    return None if k is None or math.isnan(k) or math.isinf(k) else float(k)


def figures(data):
    categories = data["categories"]
    by_item = defaultdict(dict)
    for item, annotator, label in data["ratings"]:
        by_item[str(item)][annotator] = label
    reference = {str(k): v for k, v in data.get("reference", {}).items()}
    annotators = sorted({a for labels in by_item.values() for a in labels})
    overlap = {item: labels for item, labels in by_item.items() if len(labels) >= 2}

    shares, unanimous = [], 0
    for labels in overlap.values():
        values = list(labels.values())
        m = len(values)
        agreeing = sum(1 for x, y in itertools.permutations(values, 2) if x == y)
        shares.append(agreeing / (m * (m - 1)))
        unanimous += 1 if len(set(values)) == 1 else 0
    sizes = Counter(len(labels) for labels in overlap.values())
    fleiss_items, fleiss_raters = 0, 0
    for size, count in sizes.items():
        if count > fleiss_items or (count == fleiss_items and size > fleiss_raters):
            fleiss_items, fleiss_raters = count, size
    table = [[list(labels.values()).count(c) for c in categories]
             for labels in overlap.values() if len(labels) == fleiss_raters]

    pairs = []
    for a, b in itertools.combinations(annotators, 2):
        both = [labels for labels in by_item.values() if a in labels and b in labels]
        x = [labels[a] for labels in both]
        y = [labels[b] for labels in both]
        pairs.append({"annotators": [a, b], "items": len(both),
                      "agreement": (sum(1 for i, j in zip(x, y) if i == j) / len(both)) if both else None,
                      "cohenKappa": cohen(x, y, categories) if both else None})

    confusion = {}
    for a in annotators:
        matrix = [[0] * len(categories) for _ in categories]
        for item, labels in overlap.items():
            if a in labels and reference.get(item) in categories:
                matrix[categories.index(labels[a])][categories.index(reference[item])] += 1
        confusion[a] = matrix

    return {
        "annotators": annotators,
        "overlapItems": len(overlap),
        "percentAgreement": sum(shares) / len(shares) if shares else None,
        "unanimous": unanimous / len(overlap) if overlap else None,
        "fleissKappa": fleiss_kappa(table) if table else None,
        "fleissItems": fleiss_items,
        "fleissRaters": fleiss_raters,
        "krippendorffAlpha": krippendorff_alpha_nominal([list(l.values()) for l in overlap.values()], categories),
        "pairs": pairs,
        "confusion": confusion,
    }


def self_test():
    # Fleiss (1971) as tabled on Wikipedia's "Fleiss' kappa" page: 10 subjects, 14 raters, 5 categories: 0.210.
    table = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
             [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]
    assert abs(fleiss_kappa(table) - 0.210) < 5e-4, fleiss_kappa(table)
    # Krippendorff (2011), the reliability data with missing values: 4 observers, 12 units; nominal alpha 0.743.
    A = [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None]
    B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3]
    C = [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None]
    D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None]
    units = [[v for v in col if v is not None] for col in zip(A, B, C, D)]
    assert abs(krippendorff_alpha_nominal(units, [1, 2, 3, 4, 5]) - 0.743) < 5e-4
    print("ok")


if __name__ == "__main__":
    if len(sys.argv) == 2 and sys.argv[1] == "--self-test":
        self_test()
    elif len(sys.argv) == 2:
        with open(sys.argv[1], encoding="utf-8") as f:
            print(json.dumps(figures(json.load(f)), indent=1))
    else:
        sys.exit("usage: reference.py FILE | --self-test")
