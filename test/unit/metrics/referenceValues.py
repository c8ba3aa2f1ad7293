#!/usr/bin/python3
"""Reference numbers for metrics.test.ts, computed once, independently of the TypeScript code.

BLEU and METEOR come from NLTK 3.8 (Debian's python3-nltk): corpus_bleu without smoothing, and
meteor_score with an identity stemmer and a thesaurus without synonyms, so that only exact matches
count (the project's METEOR variant). ROUGE-L (beta 1.2) and the clinical-efficacy numbers come from the
plain Python below. Run: /usr/bin/python3 test/unit/metrics/referenceValues.py
The tests never run this script; they hold its printed numbers.
"""
import re
from nltk.translate.bleu_score import corpus_bleu
from nltk.translate.meteor_score import meteor_score

PAIRS = [  # (generated, reference): the same texts as in metrics.test.ts
    ("The heart size is normal. No pleural effusion or pneumothorax.", "Heart size is normal. There is no pleural effusion or pneumothorax."),
    ("Moderate cardiomegaly with mild pulmonary edema.", "There is moderate cardiomegaly and mild interstitial pulmonary edema."),
    ("Left lower lobe opacity may represent atelectasis.", "Patchy left basilar opacity, likely atelectasis, pneumonia cannot be excluded."),
    ("Endotracheal tube terminates 4 cm above the carina.", "The endotracheal tube tip is 4.5 cm above the carina. Lungs are clear."),
    ("No acute cardiopulmonary process.", "No acute cardiopulmonary process."),
]

def tokens(text):
    return re.findall(r"[a-z0-9]+", text.lower())

hyps = [tokens(h) for h, _ in PAIRS]
refs = [tokens(r) for _, r in PAIRS]
for n in range(1, 5):
    print(f"BLEU-{n}", repr(corpus_bleu([[r] for r in refs], hyps, weights=tuple([1.0 / n] * n))))

class Same:
    def stem(self, word):
        return word

class NoSynonyms:
    def synsets(self, word):
        return []

meteors = [meteor_score([r], h, stemmer=Same(), wordnet=NoSynonyms()) for h, r in zip(hyps, refs)]
print("METEOR (exact) per pair", [repr(m) for m in meteors])
print("METEOR (exact) mean", repr(sum(meteors) / len(meteors)))

def lcs(a, b):
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a)):
        for j in range(len(b)):
            table[i + 1][j + 1] = table[i][j] + 1 if a[i] == b[j] else max(table[i][j + 1], table[i + 1][j])
    return table[-1][-1]

def rouge_l(h, r, beta=1.2):
    l = lcs(h, r)
    if l == 0:
        return 0.0
    p, rc = l / len(h), l / len(r)
    return (1 + beta ** 2) * p * rc / (rc + beta ** 2 * p)

rl = [rouge_l(h, r) for h, r in zip(hyps, refs)]
print("ROUGE-L per pair", [repr(x) for x in rl])
print("ROUGE-L mean", repr(sum(rl) / len(rl)))

# Clinical efficacy: 4 reports x 14 labels, 1 = positive, 0 = negative / not mentioned, -1 = uncertain (absent when scoring).
PRED = [
    [0, 0, 1, 1, 0, 1, 0, 0, 1, 0, 1, 0, 0, 1],
    [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    [0, 1, 1, 1, 0, 0, 1, -1, 0, 0, 1, 0, 0, 0],
    [0, 0, 0, 1, 0, 0, 0, 1, -1, 0, 0, 0, 1, 1],
]
REF = [
    [0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1],
    [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    [0, 0, 1, 0, 0, 1, 1, 1, 0, 0, -1, 0, 0, 1],
    [0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1],
]
rows = []
TP = FP = FN = 0
for k in range(14):
    tp = sum(1 for p, r in zip(PRED, REF) if p[k] == 1 and r[k] == 1)
    fp = sum(1 for p, r in zip(PRED, REF) if p[k] == 1 and r[k] != 1)
    fn = sum(1 for p, r in zip(PRED, REF) if p[k] != 1 and r[k] == 1)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    rows.append((prec, rec, f1))
    TP, FP, FN = TP + tp, FP + fp, FN + fn
print("CE macro P R F1", [repr(sum(r[i] for r in rows) / 14) for i in range(3)])
mp, mr = TP / (TP + FP), TP / (TP + FN)
print("CE micro P R F1", repr(mp), repr(mr), repr(2 * mp * mr / (mp + mr)))
print("CE per-label F1", [repr(r[2]) for r in rows])
