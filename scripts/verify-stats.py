#!/usr/bin/env python3
"""Independent check of the comparison statistics (src/main/engine/metrics/comparisons.ts) with SciPy.

Reads test/fixtures/stats/posts.json (interactions and reach per post), computes the engagement rate by reach of
each post, and writes test/fixtures/stats/scipy-output.json: each institution's mean rate with its 95% percentile
bootstrap interval, the peer median (median of the institutions' means) with its interval, each institution's
difference from the peer median, and pairwise differences with a two-sided permutation test. The Vitest test
comparisons.scipy.test.ts compares the engine's answers with this file, within Monte Carlo tolerances, so CI needs
no SciPy. Rerun after changing the fixture or the method:

    apt-get install -y python3-scipy && python3 scripts/verify-stats.py
"""
import json
import pathlib

import numpy as np
import scipy
from scipy import stats

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURE = ROOT / 'test' / 'fixtures' / 'stats' / 'posts.json'
OUTPUT = ROOT / 'test' / 'fixtures' / 'stats' / 'scipy-output.json'
RESAMPLES = 20000
SEED = 12345
PAIRS = [('Halvern', 'Corvale'), ('Halvern', 'Brightwater')]


def rates(inst):
    return np.array([i / r for i, r in inst['posts']], dtype=float)


def interval(samples, statistic):
    res = stats.bootstrap(samples, statistic, n_resamples=RESAMPLES, method='percentile', confidence_level=0.95,
                          vectorized=True, axis=-1, rng=np.random.default_rng(SEED))
    return [float(res.confidence_interval.low), float(res.confidence_interval.high)]


def peer_median(*samples, axis=-1):
    return np.median(np.stack([s.mean(axis=axis) for s in samples]), axis=0)


def diff_means(a, b, axis=-1):
    return a.mean(axis=axis) - b.mean(axis=axis)


def main():
    fixture = json.loads(FIXTURE.read_text())
    groups = {inst['name']: rates(inst) for inst in fixture['institutions']}
    names = list(groups)
    samples = tuple(groups[n] for n in names)
    peer = float(np.median([groups[n].mean() for n in names]))
    out = {
        'about': 'Written by scripts/verify-stats.py; do not edit by hand.',
        'scipy': scipy.__version__,
        'resamples': RESAMPLES,
        'institutions': {},
        'peerMedian': {'estimate': peer, 'ci': interval(samples, peer_median)},
        'pairs': [],
    }
    for i, n in enumerate(names):
        def vs_peer(*s, axis=-1, i=i):
            return s[i].mean(axis=axis) - peer_median(*s, axis=axis)
        out['institutions'][n] = {
            'posts': len(groups[n]),
            'estimate': float(groups[n].mean()),
            'ci': interval((groups[n],), lambda x, axis=-1: x.mean(axis=axis)),
            'vsPeer': {'estimate': float(groups[n].mean() - peer), 'ci': interval(samples, vs_peer)},
        }
    for a, b in PAIRS:
        perm = stats.permutation_test((groups[a], groups[b]), diff_means, permutation_type='independent',
                                      n_resamples=RESAMPLES, alternative='two-sided', vectorized=True,
                                      rng=np.random.default_rng(SEED))
        out['pairs'].append({
            'a': a, 'b': b,
            'estimate': float(groups[a].mean() - groups[b].mean()),
            'ci': interval((groups[a], groups[b]), diff_means),
            'pValue': float(perm.pvalue),
        })
    # The hand-computed case of comparisons.test.ts: every split enumerated, p exactly 0.3.
    exact = stats.permutation_test((np.array([10, 20, 60]) / 1000, np.array([5, 5, 20]) / 1000), diff_means,
                                   permutation_type='independent', n_resamples=RESAMPLES, vectorized=True)
    out['exactPair'] = {'pValue': float(exact.pvalue), 'splits': int(len(exact.null_distribution))}
    OUTPUT.write_text(json.dumps(out, indent=2) + '\n')
    print(json.dumps(out, indent=2))


if __name__ == '__main__':
    main()
