"""Trains the neural attribution tagger (source, cue, content) and writes models/quotes-neural/.

    /usr/bin/python3 scripts/train-attribution.py <export folder> [--epochs 14] [--hidden 100]
        [--batch 32] [--lr 2e-3] [--minutes 38] [--resume models/quotes-neural/tagger.bin.gz]
        [--out models/quotes-neural/tagger.bin.gz]

Run through scripts/train-attribution.sh, which exports the data first. A BiLSTM-CRF: each
token is read as its shipped GloVe-derived vector (frozen), a learned embedding for frequent
words, a character CNN and the labeller's flags (shape, quotation mark, inside a quote, cue
verb, attributed quote); a one-layer bidirectional LSTM over the whole paragraph unit (content
runs across sentences); a linear layer to the seven BIO tags; a CRF whose transitions forbid
an I- that does not continue its own role. Early stopping on the dev units (CofeNet's file),
scored by exact span match per role as src/quotes/score.ts scores them. Each better epoch is
written to --out (and its dev tags to <export folder>/dev-predicted.json) when it is found, so a
run stopped from outside keeps its best. `--epochs 0 --resume <model>` only scores a written
model and writes its dev tags.

The weights are written as float16 in one gzipped file that src/quotes/neural.ts reads: the
ASCII magic CCNT, a uint32 header length, a JSON header (sizes, vocabularies, tensor shapes and
offsets), zero padding to a multiple of 4, then the tensors.
"""
import argparse
import copy
import gzip
import json
import math
import os
import random
import struct
import sys
import time
from collections import Counter

import numpy as np
import torch
import torch.nn as nn

torch.set_num_threads(1)
torch.manual_seed(7)
random.seed(7)

TAGS = ['O', 'B-source', 'I-source', 'B-cue', 'I-cue', 'B-content', 'I-content']
SHAPES, MARKS, FLAGS = 5, 5, 13
MAX_CHARS = 16


def allowed_transitions():
    """allowed[a][b]: tag b may follow tag a; an I-x only after B-x or I-x."""
    allowed = [[True] * 7 for _ in range(7)]
    for b, tag in enumerate(TAGS):
        if tag.startswith('I-'):
            for a, previous in enumerate(TAGS):
                allowed[a][b] = previous[2:] == tag[2:] and previous != 'O'
    start = [not tag.startswith('I-') for tag in TAGS]
    return allowed, start


def read_units(path):
    with open(path) as handle:
        return [json.loads(line) for line in handle if line.strip()]


class Tagger(nn.Module):
    def __init__(self, vectors, words, chars, hidden, word_dims=32, char_dims=16, char_filters=48):
        super().__init__()
        self.vectors = nn.Embedding.from_pretrained(vectors, freeze=True)
        self.words = nn.Embedding(words, word_dims)
        self.chars = nn.Embedding(chars, char_dims, padding_idx=0)
        self.char_conv = nn.Conv1d(char_dims, char_filters, 3, padding=1)
        size = vectors.shape[1] + word_dims + char_filters + FLAGS
        self.dropout = nn.Dropout(0.33)
        self.lstm = nn.LSTM(size, hidden, batch_first=True, bidirectional=True)
        self.emit = nn.Linear(2 * hidden, len(TAGS))
        self.transitions = nn.Parameter(torch.zeros(7, 7))
        self.start = nn.Parameter(torch.zeros(7))
        self.end = nn.Parameter(torch.zeros(7))
        allowed, start = allowed_transitions()
        self.register_buffer('forbidden', torch.tensor([[0.0 if ok else -10000.0 for ok in row] for row in allowed]))
        self.register_buffer('forbidden_start', torch.tensor([0.0 if ok else -10000.0 for ok in start]))

    def emissions(self, batch):
        vector, word, chars, char_lengths, flags, lengths = batch
        b, n, c = chars.shape
        embedded = self.chars(chars.view(b * n, c)).transpose(1, 2)
        convolved = self.char_conv(embedded)
        positions = torch.arange(c).unsqueeze(0)
        convolved = convolved.masked_fill((positions >= char_lengths.view(-1, 1)).unsqueeze(1), -1e4)
        char_features = torch.relu(convolved.max(dim=2).values).view(b, n, -1)
        inputs = torch.cat([self.vectors(vector), self.words(word), char_features, flags], dim=2)
        packed = nn.utils.rnn.pack_padded_sequence(self.dropout(inputs), lengths, batch_first=True, enforce_sorted=False)
        output, _ = self.lstm(packed)
        output, _ = nn.utils.rnn.pad_packed_sequence(output, batch_first=True, total_length=n)
        return self.emit(self.dropout(output))

    def scores(self):
        return self.transitions + self.forbidden, self.start + self.forbidden_start

    def loss(self, emissions, tags, mask):
        transitions, start = self.scores()
        b, n, _ = emissions.shape
        # Log partition by the forward algorithm.
        alpha = start + emissions[:, 0]
        for t in range(1, n):
            step = torch.logsumexp(alpha.unsqueeze(2) + transitions + emissions[:, t].unsqueeze(1), dim=1)
            alpha = torch.where(mask[:, t].unsqueeze(1), step, alpha)
        log_z = torch.logsumexp(alpha + self.end, dim=1)
        # Gold path score.
        gold = start[tags[:, 0]] + emissions[:, 0].gather(1, tags[:, :1]).squeeze(1)
        for t in range(1, n):
            step = transitions[tags[:, t - 1], tags[:, t]] + emissions[:, t].gather(1, tags[:, t:t + 1]).squeeze(1)
            gold = gold + step * mask[:, t]
        last = tags.gather(1, (mask.sum(1) - 1).unsqueeze(1)).squeeze(1)
        gold = gold + self.end[last]
        return (log_z - gold).sum()

    def decode(self, emissions, lengths):
        transitions, start = self.scores()
        transitions, start, end = transitions.tolist(), start.tolist(), self.end.tolist()
        results = []
        for i, n in enumerate(lengths):
            e = emissions[i, :n].tolist()
            results.append(viterbi(e, transitions, start, end))
        return results


def viterbi(emissions, transitions, start, end):
    n = len(emissions)
    score = [start[k] + emissions[0][k] for k in range(7)]
    back = []
    for t in range(1, n):
        pointers, next_score = [], []
        for k in range(7):
            best, arg = -math.inf, 0
            for j in range(7):
                value = score[j] + transitions[j][k]
                if value > best:
                    best, arg = value, j
            pointers.append(arg)
            next_score.append(best + emissions[t][k])
        back.append(pointers)
        score = next_score
    last = max(range(7), key=lambda k: score[k] + end[k])
    path = [last]
    for pointers in reversed(back):
        path.append(pointers[path[-1]])
    return path[::-1]


def chunks(tags):
    """Spans per role read from BIO tags, as chunksOf in src/quotes/polnear.ts reads them."""
    out, role, start = [], '', -1
    for i, index in enumerate(list(tags) + [0]):
        tag = TAGS[index]
        if tag.startswith('B-') or tag == 'O' or (tag.startswith('I-') and (start < 0 or tag[2:] != role)):
            if start >= 0:
                out.append((role, start, i))
            start, role = (i, tag[2:]) if tag.startswith('B-') else (-1, '')
    return out


def score(gold_units, predicted_units):
    counts = {role: [0, 0, 0] for role in ('source', 'cue', 'content')}
    for gold, predicted in zip(gold_units, predicted_units):
        gold_chunks = set(chunks(gold))
        for chunk in gold_chunks:
            counts[chunk[0]][0] += 1
        for chunk in chunks(predicted):
            counts[chunk[0]][1] += 1
            if chunk in gold_chunks:
                counts[chunk[0]][2] += 1
    result = {}
    for role, (g, p, c) in counts.items():
        precision = 100 * c / p if p else 0
        recall = 100 * c / g if g else 0
        result[role] = (precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0)
    return result


class Encoder:
    def __init__(self, train_units, max_words):
        counts = Counter(word.lower() for unit in train_units for word in unit['words'])
        frequent = [word for word, count in counts.most_common(max_words) if count >= 3]
        self.word_list = sorted(frequent)
        self.word_ids = {word: i + 1 for i, word in enumerate(self.word_list)}
        char_counts = Counter(ch for unit in train_units for word in unit['words'] for ch in word[:MAX_CHARS])
        self.char_list = sorted(ch for ch, count in char_counts.items() if count >= 5)
        self.char_ids = {ch: i + 2 for i, ch in enumerate(self.char_list)}

    def prepare(self, unit):
        """One unit's tensors, built once."""
        m = len(unit['words'])
        chars = torch.zeros(m, MAX_CHARS, dtype=torch.long)
        char_lengths = torch.ones(m, dtype=torch.long)
        flags = torch.zeros(m, FLAGS)
        for t, w in enumerate(unit['words']):
            ids = [self.char_ids.get(ch, 1) for ch in w[:MAX_CHARS]] or [1]
            chars[t, :len(ids)] = torch.tensor(ids)
            char_lengths[t] = len(ids)
            flags[t, unit['shape'][t]] = 1
            flags[t, SHAPES + unit['mark'][t]] = 1
            flags[t, SHAPES + MARKS] = unit['inside'][t]
            flags[t, SHAPES + MARKS + 1] = unit['cue'][t]
            flags[t, SHAPES + MARKS + 2] = unit['attributed'][t]
        word = torch.tensor([self.word_ids.get(w.lower(), 0) for w in unit['words']])
        unit['tensors'] = (torch.tensor(unit['vector']), word, chars, char_lengths, flags, torch.tensor(unit['tags']))

    def batch(self, units):
        for unit in units:
            if 'tensors' not in unit:
                self.prepare(unit)
        pad = lambda k, value=0: nn.utils.rnn.pad_sequence([unit['tensors'][k] for unit in units], batch_first=True, padding_value=value)
        lengths = torch.tensor([len(unit['words']) for unit in units])
        mask = torch.arange(lengths.max()).unsqueeze(0) < lengths.unsqueeze(1)
        return (pad(0), pad(1), pad(2), pad(3, 1), pad(4), lengths), pad(5), mask


def batches(units, size, shuffle):
    order = sorted(range(len(units)), key=lambda i: len(units[i]['words']) + (random.random() * 8 if shuffle else 0))
    groups = [order[i:i + size] for i in range(0, len(order), size)]
    if shuffle:
        random.shuffle(groups)
    return groups


def predict(model, encoder, units, prepared=None):
    model.eval()
    predicted = [None] * len(units)
    with torch.no_grad():
        for group in prepared or batches(units, 64, False):
            inputs, _, _ = encoder.batch([units[i] for i in group])
            paths = model.decode(model.emissions(inputs), inputs[5].tolist())
            for i, path in zip(group, paths):
                predicted[i] = path
    return predicted


def write_model(model, encoder, hidden, path, card):
    state = {name: value.detach().float() for name, value in model.state_dict().items()}
    transitions, start = model.scores()
    lstm = {}
    for direction, suffix in (('forward', ''), ('backward', '_reverse')):
        lstm[direction + '.input'] = state['lstm.weight_ih_l0' + suffix]
        lstm[direction + '.hidden'] = state['lstm.weight_hh_l0' + suffix]
        lstm[direction + '.bias'] = state['lstm.bias_ih_l0' + suffix] + state['lstm.bias_hh_l0' + suffix]
    tensors = {
        'words': state['words.weight'],
        'chars': state['chars.weight'],
        'char_conv.weight': state['char_conv.weight'],
        'char_conv.bias': state['char_conv.bias'],
        **lstm,
        'emit.weight': state['emit.weight'],
        'emit.bias': state['emit.bias'],
        'transitions': transitions.detach().clamp(min=-10000),
        'start': start.detach(),
        'end': state['end'],
    }
    entries, offset, blobs = [], 0, []
    for name, value in tensors.items():
        data = value.numpy().astype('<f2').tobytes()
        entries.append({'name': name, 'shape': list(value.shape), 'offset': offset})
        blobs.append(data)
        offset += len(data)
    header = json.dumps({
        'format': 'crosscheck-attribution-tagger', 'version': 1, 'tags': TAGS, 'hidden': hidden,
        'maxChars': MAX_CHARS, 'flags': FLAGS, 'vectorDims': model.vectors.weight.shape[1],
        'words': encoder.word_list, 'chars': encoder.char_list, 'tensors': entries, 'trained': card,
    }, ensure_ascii=False).encode('utf-8')
    padding = (-(8 + len(header))) % 4
    raw = b'CCNT' + struct.pack('<I', len(header)) + header + b'\0' * padding + b''.join(blobs)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as handle:
        handle.write(gzip.compress(raw, 9, mtime=0))
    return os.path.getsize(path)


def read_model(path):
    """The header and tensors of a written model file."""
    with gzip.open(path, 'rb') as handle:
        raw = handle.read()
    assert raw[:4] == b'CCNT', f'{path}: not a tagger file'
    length = struct.unpack('<I', raw[4:8])[0]
    header = json.loads(raw[8:8 + length].decode('utf-8'))
    start = 8 + length + (-(8 + length)) % 4
    tensors = {}
    for entry in header['tensors']:
        count = int(np.prod(entry['shape']))
        values = np.frombuffer(raw, dtype='<f2', count=count, offset=start + entry['offset'])
        tensors[entry['name']] = torch.from_numpy(values.astype(np.float32).reshape(entry['shape']))
    return header, tensors


def resume(model, encoder, path):
    """Starts from a written model (float16 weights; the optimizer state starts afresh)."""
    header, tensors = read_model(path)
    assert header['words'] == encoder.word_list and header['chars'] == encoder.char_list, 'vocabularies differ'
    with torch.no_grad():
        model.words.weight.copy_(tensors['words'])
        model.chars.weight.copy_(tensors['chars'])
        model.char_conv.weight.copy_(tensors['char_conv.weight'])
        model.char_conv.bias.copy_(tensors['char_conv.bias'])
        for direction, suffix in (('forward', ''), ('backward', '_reverse')):
            getattr(model.lstm, 'weight_ih_l0' + suffix).copy_(tensors[direction + '.input'])
            getattr(model.lstm, 'weight_hh_l0' + suffix).copy_(tensors[direction + '.hidden'])
            getattr(model.lstm, 'bias_ih_l0' + suffix).copy_(tensors[direction + '.bias'])
            getattr(model.lstm, 'bias_hh_l0' + suffix).zero_()
        model.emit.weight.copy_(tensors['emit.weight'])
        model.emit.bias.copy_(tensors['emit.bias'])
        model.transitions.copy_(torch.where(model.forbidden < 0, torch.zeros(7, 7), tensors['transitions']))
        model.start.copy_(torch.where(model.forbidden_start < 0, torch.zeros(7), tensors['start']))
        model.end.copy_(tensors['end'])
    return header['trained']


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('data')
    parser.add_argument('--epochs', type=int, default=14)
    parser.add_argument('--patience', type=int, default=3)
    parser.add_argument('--hidden', type=int, default=100)
    parser.add_argument('--batch', type=int, default=32)
    parser.add_argument('--lr', type=float, default=2e-3)
    parser.add_argument('--max-words', type=int, default=6000)
    parser.add_argument('--minutes', type=float, default=38)
    parser.add_argument('--resume', help='a written model file to continue training from')
    parser.add_argument('--out', default=os.path.join(os.path.dirname(__file__), '..', 'models', 'quotes-neural', 'tagger.bin.gz'))
    args = parser.parse_args()
    started = time.time()

    meta = json.load(open(os.path.join(args.data, 'vectors.json')))
    vectors = torch.from_numpy(np.fromfile(os.path.join(args.data, 'vectors.f32'), dtype='<f4').reshape(meta['rows'], meta['dims']).copy())
    train = read_units(os.path.join(args.data, 'train.jsonl'))
    dev = read_units(os.path.join(args.data, 'dev.jsonl'))
    encoder = Encoder(train, args.max_words)
    print(f'{len(train)} train units, {len(dev)} dev units, {len(encoder.word_list)} words, {len(encoder.char_list)} chars', flush=True)

    model = Tagger(vectors, len(encoder.word_list) + 1, len(encoder.char_list) + 2, args.hidden)
    earlier = resume(model, encoder, args.resume) if args.resume else None
    if earlier:
        print(f'resumed from {args.resume}: {earlier}', flush=True)
    optimizer = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=args.lr)
    dev_gold = [unit['tags'] for unit in dev]
    dev_batches = batches(dev, 64, False)
    best, stale = -1.0, 0
    if args.epochs == 0:  # only scores the --resume model and writes its dev tags
        ship(model, encoder, args, dev, dev_gold, dev_batches, 0, started, earlier)
    for epoch in range(1, args.epochs + 1):
        model.train()
        total = 0.0
        for group in batches(train, args.batch, True):
            inputs, tags, mask = encoder.batch([train[i] for i in group])
            optimizer.zero_grad()
            loss = model.loss(model.emissions(inputs), tags, mask)
            (loss / len(group)).backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimizer.step()
            total += loss.item()
        scores = score(dev_gold, predict(model, encoder, dev, dev_batches))
        mean = sum(f for _, _, f in scores.values()) / 3
        line = ' '.join(f'{role} {f:.1f}' for role, (_, _, f) in scores.items())
        print(f'epoch {epoch}: loss {total / len(train):.3f}, dev F1 {line} (mean {mean:.1f}), {(time.time() - started) / 60:.1f} min', flush=True)
        if mean > best:
            best, stale = mean, 0
            # Written at once, so a run stopped from outside still leaves its best epoch.
            ship(model, encoder, args, dev, dev_gold, dev_batches, epoch, started, earlier)
        else:
            stale += 1
        for group in optimizer.param_groups:
            group['lr'] *= 0.9
        elapsed = (time.time() - started) / 60
        if stale >= args.patience or elapsed * (epoch + 1) / epoch > args.minutes:
            break

    print(f'best epoch written to {args.out}', flush=True)


def ship(model, encoder, args, dev, dev_gold, dev_batches, epoch, started, earlier):
    """Writes the model as shipped (weights rounded to float16), scored again with those weights,
    and its dev tags for the TypeScript check."""
    shipped = copy.deepcopy(model)
    with torch.no_grad():
        # The file holds one LSTM bias per direction: fold the two before rounding, so the
        # weights scored here are exactly the ones written.
        for suffix in ('', '_reverse'):
            getattr(shipped.lstm, 'bias_ih_l0' + suffix).add_(getattr(shipped.lstm, 'bias_hh_l0' + suffix))
            getattr(shipped.lstm, 'bias_hh_l0' + suffix).zero_()
        for parameter in shipped.parameters():
            parameter.copy_(parameter.half().float())
    predicted = predict(shipped, encoder, dev, dev_batches)
    scores = score(dev_gold, predicted)
    for role, (p, r, f) in scores.items():
        print(f'dev (float16 weights) {role:8} P {p:.1f} R {r:.1f} F1 {f:.1f}')
    with open(os.path.join(args.data, 'dev-predicted.json'), 'w') as handle:
        json.dump(predicted, handle)
    card = {'epochs': epoch, 'minutes': round((time.time() - started) / 60, 1), 'hidden': args.hidden, 'after': earlier,
            'dev': {role: [round(x, 1) for x in values] for role, values in scores.items()}}
    size = write_model(shipped, encoder, args.hidden, args.out, card)
    print(f'wrote {args.out}: {size / 1e6:.2f} MB, {card["minutes"]} min', flush=True)


if __name__ == '__main__':
    main()
