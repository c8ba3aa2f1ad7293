#!/usr/bin/python3
"""CheXbert (Smit et al. 2020) as the workstation's ONNX report labeler, and its manifest `labeler` entry.

  export_chexbert.py export --chexbert-src CheXbert/src --checkpoint chexbert.pth --vocab vocab.txt --out DIR
      torch.onnx.export of CheXbert's own model class loaded with the checkpoint; writes DIR/chexbert.onnx,
      copies vocab.txt (bert-base-uncased's) next to it and prints the `labeler` entry. Needs torch,
      transformers and a checkout of github.com/stanfordmlgroup/CheXbert. NOT RUN where this was written:
      no CheXbert weights and no transformers there. Compare the printed ONNX-vs-torch difference.

  export_chexbert.py entry --onnx DIR/chexbert.onnx --vocab DIR/vocab.txt [--name NAME]
      prints the `labeler` entry for an exported graph: sha256 of both files, WordPiece uncased, 512
      tokens, inputs input_ids/attention_mask, outputs head_0..head_13 in CheXbert's order with
      CheXbert's classes. Tested (test/unit/labeler/exportChexbertEntry.test.ts) on the test labeler.

Paste the entry into the model set's manifest.json as "labeler"; both files must sit in that folder.
"""
import argparse, hashlib, json, os, shutil, sys

# CheXbert's head order (its constants.CONDITIONS) and class meaning (0 blank, 1 positive, 2 negative, 3 uncertain).
HEAD_ORDER = ['Enlarged Cardiomediastinum', 'Cardiomegaly', 'Lung Opacity', 'Lung Lesion', 'Edema',
              'Consolidation', 'Pneumonia', 'Atelectasis', 'Pneumothorax', 'Pleural Effusion',
              'Pleural Other', 'Fracture', 'Support Devices', 'No Finding']
FOUR = ['not_mentioned', 'positive', 'negative', 'uncertain']
TWO = ['not_mentioned', 'positive']


def sha256(path):
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for chunk in iter(lambda: f.read(1 << 20), b''):
            h.update(chunk)
    return h.hexdigest()


def entry(onnx_path, vocab_path, name):
    import onnx
    graph = onnx.load(onnx_path, load_external_data=False).graph
    inputs = [i.name for i in graph.input if i.name not in {t.name for t in graph.initializer}]
    outputs = {o.name: o for o in graph.output}
    if sorted(inputs) != ['attention_mask', 'input_ids']:
        sys.exit(f'expected inputs input_ids and attention_mask, the graph has {inputs}')
    heads = []
    for i, label in enumerate(HEAD_ORDER):
        out = outputs.get(f'head_{i}')
        if out is None:
            sys.exit(f'the graph has no output head_{i} ({label}); outputs: {list(outputs)}')
        classes = TWO if label == 'No Finding' else FOUR
        dims = out.type.tensor_type.shape.dim
        if len(dims) == 2 and dims[1].HasField('dim_value') and dims[1].dim_value != len(classes):
            sys.exit(f'head_{i} ({label}) has {dims[1].dim_value} classes, CheXbert has {len(classes)}')
        heads.append({'output': f'head_{i}', 'label': label, 'classes': classes})
    return {
        'file': os.path.basename(onnx_path), 'sha256': sha256(onnx_path), 'format': 'onnx', 'name': name,
        'tokenizer': {'kind': 'wordpiece', 'vocab': {'file': os.path.basename(vocab_path), 'sha256': sha256(vocab_path)},
                      'lowercase': True, 'maxTokens': 512},
        'inputs': {'inputIds': 'input_ids', 'attentionMask': 'attention_mask'},
        'heads': heads,
    }


def export(chexbert_src, checkpoint, vocab_path, out_dir):
    import torch
    sys.path.insert(0, chexbert_src)
    from models.bert_labeler import bert_labeler  # CheXbert's class: BERT-base + 13 four-way heads + one two-way head

    model = bert_labeler()
    state = torch.load(checkpoint, map_location='cpu')['model_state_dict']
    state = {k[len('module.'):] if k.startswith('module.') else k: v for k, v in state.items()}  # saved from DataParallel
    missing, unexpected = model.load_state_dict(state, strict=False)
    # Newer transformers keep position_ids as a buffer the 2020 checkpoint lacks; anything else is a real mismatch.
    stray = [k for k in list(missing) + list(unexpected) if not k.endswith('position_ids')]
    if stray:
        sys.exit(f'the checkpoint does not fit CheXbert\'s model: {stray[:10]}')
    model.eval()

    class Heads(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask):
            return tuple(self.inner(input_ids, attention_mask))

    vocab = [line.rstrip('\n') for line in open(vocab_path, encoding='utf-8')]
    ids = {t: i for i, t in enumerate(vocab)}
    sample = [ids['[CLS]'], ids['no'], ids['pleural'], ids['effusion'], ids['.'], ids['[SEP]']]
    input_ids = torch.tensor([sample, sample[:3] + [ids['[SEP]'], 0, 0]])
    mask = torch.tensor([[1] * 6, [1] * 4 + [0] * 2])
    os.makedirs(out_dir, exist_ok=True)
    onnx_path = os.path.join(out_dir, 'chexbert.onnx')
    names = [f'head_{i}' for i in range(len(HEAD_ORDER))]
    axes = {'input_ids': {0: 'batch', 1: 'tokens'}, 'attention_mask': {0: 'batch', 1: 'tokens'}, **{n: {0: 'batch'} for n in names}}
    with torch.no_grad():
        reference = [t.numpy() for t in Heads(model)(input_ids, mask)]
        torch.onnx.export(Heads(model), (input_ids, mask), onnx_path, input_names=['input_ids', 'attention_mask'],
                          output_names=names, dynamic_axes=axes, opset_version=14)
    try:
        import onnxruntime
        got = onnxruntime.InferenceSession(onnx_path).run(names, {'input_ids': input_ids.numpy(), 'attention_mask': mask.numpy()})
        print('max |onnx - torch| over all heads:', max(float(abs(a - b).max()) for a, b in zip(got, reference)), file=sys.stderr)
    except ImportError:
        print('onnxruntime (python) not installed: compare the ONNX output with torch yourself', file=sys.stderr)
    shutil.copyfile(vocab_path, os.path.join(out_dir, 'vocab.txt'))
    return onnx_path, os.path.join(out_dir, 'vocab.txt')


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest='cmd', required=True)
    e = sub.add_parser('export')
    e.add_argument('--chexbert-src', required=True)
    e.add_argument('--checkpoint', required=True)
    e.add_argument('--vocab', required=True)
    e.add_argument('--out', required=True)
    e.add_argument('--name', default='CheXbert (Smit et al. 2020)')
    n = sub.add_parser('entry')
    n.add_argument('--onnx', required=True)
    n.add_argument('--vocab', required=True)
    n.add_argument('--name', default='CheXbert (Smit et al. 2020)')
    a = p.parse_args()
    if a.cmd == 'export':
        onnx_path, vocab_path = export(a.chexbert_src, a.checkpoint, a.vocab, a.out)
    else:
        onnx_path, vocab_path = a.onnx, a.vocab
    print(json.dumps(entry(onnx_path, vocab_path, a.name), indent=2))


if __name__ == '__main__':
    main()
