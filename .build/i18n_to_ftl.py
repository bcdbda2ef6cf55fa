#!/usr/bin/env python3
"""Moves `("key", "English")` entries of src/i18n.rs's old EN table into a Fluent file.

Usage: i18n_to_ftl.py <rust file with an EN table> <out.ftl>  (appends; skips ids already
present in any locales/en/*.ftl). Used when merging branches written before Fluent.
"""
import glob, re, sys

src, out = sys.argv[1], sys.argv[2]
s = open(src).read()
start = s.index('static EN')
body = s[start:s.index('];', start)]
entries = re.findall(r'\(\s*"((?:[^"\\]|\\.)*)",\s*"((?:[^"\\]|\\.)*)",?\s*\)', body)
have = set()
for f in glob.glob('locales/en/*.ftl'):
    have |= set(re.findall(r'^([a-zA-Z][\w-]*) =', open(f).read(), re.M))
lines = []
for key, value in entries:
    ident = key.replace('.', '-')
    if ident in have:
        continue
    value = value.replace('\\"', '"').replace('\\\\', '\\')
    value = re.sub(r'\{(\w+)\}', r'{ $\1 }', value)
    lines.append(f'{ident} = {value}\n')
with open(out, 'a') as f:
    f.writelines(lines)
print(f'{len(lines)} messages written to {out}')
