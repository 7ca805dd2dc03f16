#!/usr/bin/env python3
"""Recall of the place rules on wrong-country claims injected into real text.

place_inject.py BIN ARTICLES_DIR [--seed N] [--n 200] [--work DIR]

Picks articles that mention a well-known city after "in", rewrites that
mention into one of twelve claim shapes with a wrong country ("in Tokyo,
Peru", "in the Greek city of Tokyo", "in Tokyo in northern Peru", ...),
runs `BIN check --select place --format json` on the result and prints
recall per shape, every miss, and findings outside the injected span
(false alarms in otherwise clean text). A miss where the city has a real
namesake in the wrong country (London, Ontario; Paris, Texas) is correct
behaviour. Reads the dev corpus (../shared/corpus/dev/articles); nothing
is written outside --work.
"""
import argparse, collections, json, os, random, re, subprocess, tempfile

CITIES = {'London': 'GB', 'Paris': 'FR', 'New York': 'US', 'Tokyo': 'JP', 'Brussels': 'BE',
          'Washington': 'US', 'Moscow': 'RU', 'Berlin': 'DE', 'Madrid': 'ES', 'Rome': 'IT',
          'Dublin': 'IE', 'Edinburgh': 'GB', 'Glasgow': 'GB', 'Manchester': 'GB',
          'Los Angeles': 'US', 'Beijing': 'CN', 'Sydney': 'AU', 'Melbourne': 'AU',
          'Baghdad': 'IQ', 'Johannesburg': 'ZA', 'Milan': 'IT', 'Amsterdam': 'NL',
          'Geneva': 'CH', 'Frankfurt': 'DE', 'Mumbai': 'IN', 'Delhi': 'IN', 'Shanghai': 'CN',
          'Hong Kong': 'HK', 'Singapore': 'SG', 'Cardiff': 'GB', 'Belfast': 'GB',
          'Birmingham': 'GB', 'Liverpool': 'GB', 'Leeds': 'GB', 'Chicago': 'US', 'Boston': 'US',
          'Seoul': 'KR', 'Cairo': 'EG', 'Istanbul': 'TR', 'Athens': 'GR', 'Lisbon': 'PT',
          'Vienna': 'AT', 'Stockholm': 'SE', 'Oslo': 'NO', 'Copenhagen': 'DK', 'Helsinki': 'FI',
          'Warsaw': 'PL', 'Prague': 'CZ', 'Budapest': 'HU', 'Toronto': 'CA', 'Vancouver': 'CA',
          'Dubai': 'AE', 'Tehran': 'IR', 'Kabul': 'AF', 'Jerusalem': 'IL', 'Bangkok': 'TH',
          'Jakarta': 'ID', 'Manila': 'PH', 'Nairobi': 'KE', 'Lagos': 'NG',
          'Rio de Janeiro': 'BR', 'Buenos Aires': 'AR', 'Mexico City': 'MX', 'Lima': 'PE',
          'Havana': 'CU', 'Kiev': 'UA', 'Hamburg': 'DE', 'Munich': 'DE', 'Barcelona': 'ES',
          'Lyon': 'FR', 'Marseille': 'FR', 'Zurich': 'CH', 'Osaka': 'JP',
          'San Francisco': 'US', 'Seattle': 'US', 'Detroit': 'US', 'Miami': 'US',
          'Houston': 'US', 'Dallas': 'US', 'Atlanta': 'US'}
WRONG = [('France', 'French', 'FR'), ('Germany', 'German', 'DE'), ('Spain', 'Spanish', 'ES'),
         ('Italy', 'Italian', 'IT'), ('Japan', 'Japanese', 'JP'), ('Brazil', 'Brazilian', 'BR'),
         ('India', 'Indian', 'IN'), ('Russia', 'Russian', 'RU'), ('Egypt', 'Egyptian', 'EG'),
         ('Kenya', 'Kenyan', 'KE'), ('Peru', 'Peruvian', 'PE'), ('Canada', 'Canadian', 'CA'),
         ('Australia', 'Australian', 'AU'), ('Sweden', 'Swedish', 'SE'),
         ('Poland', 'Polish', 'PL'), ('Turkey', 'Turkish', 'TR'), ('Iran', 'Iranian', 'IR'),
         ('Mexico', 'Mexican', 'MX'), ('Chile', 'Chilean', 'CL'),
         ('Nigeria', 'Nigerian', 'NG'), ('Vietnam', 'Vietnamese', 'VN'),
         ('Norway', 'Norwegian', 'NO'), ('Greece', 'Greek', 'GR'),
         ('Portugal', 'Portuguese', 'PT'), ('Argentina', 'Argentine', 'AR'),
         ('the United States', 'American', 'US'), ('China', 'Chinese', 'CN'),
         ('South Korea', 'South Korean', 'KR'), ('Pakistan', 'Pakistani', 'PK'),
         ('Morocco', 'Moroccan', 'MA')]
HEADINGS = ['northern', 'southern', 'eastern', 'western', 'central', 'north-eastern',
            'south-western']
SHAPES = [('comma', 'in {c}, {w}'), ('comma-comma', 'in {c}, {w},'),
          ('appos', 'in {c}, a city in {d} {w},'), ('appos2', 'in {c}, a city in {w},'),
          ('appos-town', 'in {c}, a town in {d} {w},'), ('adj', 'in the {a} city of {c}'),
          ('adj-dir', 'in the {d} {a} city of {c}'), ('in-dir', 'in {c} in {d} {w}'),
          ('in-in', 'in {c} in {w}'), ('paren', 'in {c} ({w})'),
          ('comma-in', 'in {c}, in {d} {w},'), ('adj-capital', 'in the {a} capital, {c},')]


def inject(articles, work, seed, n_max):
    rng = random.Random(seed)
    files = sorted(os.listdir(articles))
    rng.shuffle(files)
    pattern = re.compile(r'\bin (%s)\b(?![\w-])' % '|'.join(
        re.escape(c) for c in sorted(CITIES, key=len, reverse=True)))
    labels = []
    for fn in files:
        text = open(os.path.join(articles, fn), encoding='utf-8').read()
        found = [m for m in pattern.finditer(text) if m.start() > text.find('\n')]
        if not found:
            continue
        m = rng.choice(found)
        city = m.group(1)
        country, adjective, _ = rng.choice([w for w in WRONG if w[2] != CITIES[city]])
        kind, shape = SHAPES[len(labels) % len(SHAPES)]
        claim = shape.format(c=city, w=country, a=adjective, d=rng.choice(HEADINGS))
        after = text[m.end():]
        if claim.endswith(',') and after[:1] in ',.;:':
            claim = claim[:-1]
        new = text[:m.start()] + claim + after
        name = f'{len(labels):04d}-{kind}.txt'
        open(os.path.join(work, name), 'w', encoding='utf-8').write(new)
        start = len(new[:m.start()].encode())
        labels.append({'file': name, 'kind': kind, 'start': start,
                       'end': start + len(claim.encode()),
                       'context': new[max(0, m.start() - 60):m.start() + len(claim) + 40]})
        if len(labels) >= n_max:
            break
    return labels


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('bin')
    ap.add_argument('articles')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--n', type=int, default=200)
    ap.add_argument('--work')
    args = ap.parse_args()
    work = args.work or tempfile.mkdtemp(prefix='place-inject-')
    os.makedirs(work, exist_ok=True)
    labels = inject(args.articles, work, args.seed, args.n)
    out = subprocess.run([args.bin, 'check', '--select', 'place', '--format', 'json', work],
                         capture_output=True)
    by_file = collections.defaultdict(list)
    for d in json.loads(out.stdout)['diagnostics']:
        by_file[os.path.basename(d['path'])].append(d)
    total, hit, extra = collections.Counter(), collections.Counter(), []
    for l in labels:
        diags = by_file[l['file']]
        inside = lambda d: d['byte_start'] < l['end'] and l['start'] < d['byte_end']
        ok = any(inside(d) and d['severity'] in ('error', 'warning') for d in diags)
        total[l['kind']] += 1
        hit[l['kind']] += ok
        extra += [(l['file'], d['message']) for d in diags if not inside(d)]
        if not ok:
            print('MISS', l['kind'], '|', l['context'].replace('\n', ' '))
    for kind, _ in SHAPES:
        print(f'{kind:12} {hit[kind]:3} / {total[kind]}')
    print(f'total {sum(hit.values())} / {sum(total.values())}; '
          f'findings outside the injected claims: {len(extra)}')
    for f, m in extra:
        print('EXTRA', f, m)


if __name__ == '__main__':
    main()
