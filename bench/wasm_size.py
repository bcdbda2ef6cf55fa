#!/usr/bin/env python3
"""Attributes the code bytes of a wasm module to Rust paths through its name section.

Usage: bench/wasm_size.py MODULE.wasm [DEPTH [TOP [LARGEST]]]
Run it on cargo's own output (target/wasm32-unknown-unknown/wasm-release/journey-lens-app.wasm,
before wasm-bindgen and wasm-opt strip the names): bytes per path prefix of DEPTH
components, then the LARGEST single functions. Legacy-mangled names carry no generic
arguments, so a monomorphisation is counted under the generic it instantiates."""
import sys, re, collections
def leb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1; r |= (x & 0x7f) << s; s += 7
        if x < 0x80: return r, i
def demangle(n):
    if n.startswith('_ZN'):
        i, parts = 3, []
        while i < len(n) and n[i].isdigit():
            j = i
            while n[j].isdigit(): j += 1
            l = int(n[i:j]); parts.append(n[j:j+l]); i = j + l
        if parts and re.fullmatch(r'h[0-9a-f]{16}', parts[-1]): parts.pop()
        s = '::'.join(parts)
        for a, b in [('$LT$','<'),('$GT$','>'),('$u20$',' '),('$RF$','&'),('$C$',','),('$BP$','*'),('..','::'),('$u7b$','{'),('$u7d$','}'),('$u27$',"'"),('$u5b$','['),('$u5d$',']'),('$u3b$',';'),('$u22$','"'),('$u2b$','+'),('$LP$','('),('$RP$',')')]:
            s = s.replace(a, b)
        return s
    return n
b = open(sys.argv[1], 'rb').read()
i = 8; imports = 0; bodies = []; names = {}; secs = collections.Counter(); data = 0
while i < len(b):
    sid = b[i]; i += 1; size, i = leb(b, i); end = i + size
    if sid == 2:
        n, j = leb(b, i)
        for _ in range(n):
            l, j = leb(b, j); j += l; l, j = leb(b, j); j += l
            k = b[j]; j += 1
            if k == 0: _, j = leb(b, j); imports += 1
            elif k == 1: j += 1; f, j = leb(b, j); _, j = leb(b, j); j = leb(b, j)[1] if f & 1 else j
            elif k == 2: f, j = leb(b, j); _, j = leb(b, j); j = leb(b, j)[1] if f & 1 else j
            elif k == 3: j += 2
    elif sid == 10:
        n, j = leb(b, i)
        for _ in range(n):
            l, j2 = leb(b, j); bodies.append(j2 - j + l); j = j2 + l
    elif sid == 0:
        l, j = leb(b, i); nm = b[j:j+l].decode(); j += l
        secs['custom:' + nm] += size
        if nm == 'name':
            while j < end:
                sub = b[j]; j += 1; sl, j = leb(b, j); se = j + sl
                if sub == 1:
                    cnt, j = leb(b, j)
                    for _ in range(cnt):
                        idx, j = leb(b, j); l, j = leb(b, j); names[idx] = b[j:j+l].decode('utf-8', 'replace'); j += l
                j = se
        i = end; continue
    secs[sid] += size
    i = end
print('sections:', dict(secs), 'total', len(b))
rows = []
for k, sz in enumerate(bodies):
    rows.append((sz, demangle(names.get(imports + k, f'func{imports+k}'))))
total = sum(s for s, _ in rows)
def crate(n):
    m = re.match(r'<?(?:&(?:mut )?)?([A-Za-z_][A-Za-z0-9_]*)', n)
    return m.group(1) if m else n[:20]
depth = int(sys.argv[2]) if len(sys.argv) > 2 else 1
agg = collections.Counter()
for s, n in rows:
    key = re.sub(r'^_?<(T as )?', '', n).lstrip('<&').split('::')
    agg['::'.join(key[:depth])] += s
print(f'code bytes {total} in {len(rows)} functions')
for k, s in agg.most_common(int(sys.argv[3]) if len(sys.argv) > 3 else 40):
    print(f'{s:9d} {100*s/total:5.1f}%  {k}')
if len(sys.argv) > 4:
    for s, n in sorted(rows, reverse=True)[:int(sys.argv[4])]:
        print(f'{s:8d} {n[:160]}')
