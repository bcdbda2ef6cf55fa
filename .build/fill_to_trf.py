#!/usr/bin/env python3
"""Rewrites the pre-Fluent `fill(tr(lang, key), args)` into `trf(lang, key, args)`.

Usage: fill_to_trf.py FILE...   (used when merging branches written before Fluent)
"""
import re, sys

pat = re.compile(r'(crate::i18n::)?fill\(\s*(crate::i18n::)?tr\(([^,()]+),\s*([^()]+?)\),\s*')
for path in sys.argv[1:]:
    s = open(path).read()
    t = pat.sub(lambda m: f"{m.group(1) or ''}trf({m.group(3)}, {m.group(4)}, ", s)
    t = re.sub(r'use crate::i18n::\{([^}]*)\};', lambda m: 'use crate::i18n::{' + ', '.join(
        sorted({x.strip().replace('fill', 'trf') for x in m.group(1).split(',') if x.strip()},
               key=lambda x: (x[0].isupper(), x))) + '};', t)
    if t != s:
        open(path, 'w').write(t)
        print('rewrote', path)
