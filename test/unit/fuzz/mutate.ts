/**
 * Mutations of recorded CRM responses: fields removed, retyped, replaced by weird dates, amounts,
 * currencies, control characters, huge strings, prototype keys, and lists grown to 10,000 entries.
 * A mutation picks its target by index into the response's paths, so fast-check can shrink it.
 */
import fc from 'fast-check';
import type { Recording } from '../../../lib/crm/shared/recorded-io';
import type { CrmFetch } from '../../../lib/crm/types';

export const HUGE = 'x'.repeat(1 << 20);
export const WEIRD_DATES = ['0000-00-00', '2017-02-30', '9999-12-31T99:99', '', 'yesterday', '2026-13-01', '1970-01-01T00:00:00Z', '-000001-01-01', '2026-01-01T00:00:00+99:99', 'NaN', '20260101', 0, -1, 1e308, '2026-02-29'];
export const WEIRD_AMOUNTS = ['NaN', -1, 1e308, -1e308, '1,000', '1.000,50', 'Infinity', '-0', 0, -0, 0.1 + 0.2, '', ' 12 ', '12abc', '1e999', Number.MAX_SAFE_INTEGER + 2, 2 ** 53, '€5', 'null'];
export const WEIRD_CURRENCIES = ['usd', 'US', 'USDD', '€', '', 'XXX', '123', '<b>', 'U\u0000S', 42];
export const WEIRD_TEXT = [
  '',
  ' ',
  HUGE,
  '\u0000\u0001\u0007\b\u001b[31m',
  '\u202eevil\u202c',
  '\u200b\u200c\u200d\ufeff',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩‍👩‍👧 \ud800',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '<img src=x onerror=alert(1)>',
  '${constructor.constructor("throw 1")()}',
  '{{constructor.constructor("alert(1)")()}}',
  '\n\r\t',
  'true',
  '0',
];
export const WEIRD_TYPES: unknown[] = [null, true, false, 0, -1, 'str', {}, [], [null], { a: 1 }, [[[]]], { length: 3 }, NaN, Infinity, -Infinity];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

export type Op = 'delete' | 'set' | 'fit' | 'proto' | 'grow' | 'root';
export interface Mutation {
  op: Op;
  pick: number;
  k: number;
}

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom<Op>('delete', 'delete', 'set', 'set', 'fit', 'fit', 'fit', 'proto', 'grow', 'root'),
  pick: fc.nat(),
  k: fc.nat(),
});

/** One list of mutations per response served, in order; responses past the list are left alone. */
export const planArb = fc.array(fc.array(mutationArb, { minLength: 0, maxLength: 4 }), { minLength: 1, maxLength: 8 });

type Path = (string | number)[];

function pathsOf(value: unknown, limit = 4000): Path[] {
  const out: Path[] = [];
  const walk = (v: unknown, path: Path) => {
    if (out.length >= limit) return;
    out.push(path);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') for (const key of Object.keys(v)) walk((v as Record<string, unknown>)[key], [...path, key]);
  };
  walk(value, []);
  return out;
}

function get(root: unknown, path: Path): unknown {
  let v = root;
  for (const key of path) v = (v as Record<string | number, unknown>)[key];
  return v;
}

/** Define as an own data property, the way JSON.parse makes `"__proto__"` a plain key. */
function put(container: object, key: string | number, value: unknown) {
  Object.defineProperty(container, key, { value, writable: true, enumerable: true, configurable: true });
}

const isDateLike = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v);
const isCurrency = (v: unknown) => typeof v === 'string' && /^[A-Z]{3}$/.test(v);
const isNumeric = (v: unknown) => typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)));

function fitting(original: unknown, k: number): unknown {
  const pool = isDateLike(original) ? WEIRD_DATES : isCurrency(original) ? WEIRD_CURRENCIES : isNumeric(original) ? WEIRD_AMOUNTS : typeof original === 'string' ? WEIRD_TEXT : WEIRD_TYPES;
  return pool[k % pool.length];
}

function anyWeird(k: number): unknown {
  const all = [...WEIRD_TYPES, ...WEIRD_TEXT, ...WEIRD_DATES, ...WEIRD_AMOUNTS];
  return all[k % all.length];
}

/** Apply mutations in place to `root` (a clone); returns the possibly replaced root. */
export function mutate(root: unknown, mutations: readonly Mutation[], budget = { grows: 1 }): unknown {
  for (const m of mutations) {
    if (m.op === 'root') {
      root = [HUGE, '<html>Service Unavailable</html>', null, [], {}, 42, { error: 'x' }][m.k % 7];
      continue;
    }
    const paths = pathsOf(root).filter((p) => p.length > 0);
    if (paths.length === 0) continue;
    const path = paths[m.pick % paths.length]!;
    const parent = get(root, path.slice(0, -1)) as Record<string | number, unknown>;
    const key = path[path.length - 1]!;
    const original = parent[key];
    switch (m.op) {
      case 'delete':
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else delete parent[key];
        break;
      case 'set':
        put(parent, key, anyWeird(m.k));
        break;
      case 'fit':
        put(parent, key, fitting(original, m.k));
        break;
      case 'proto': {
        const target = original && typeof original === 'object' && !Array.isArray(original) ? (original as object) : (parent as object);
        put(target, PROTO_KEYS[m.k % PROTO_KEYS.length]!, m.k % 2 ? { polluted: true, length: 1e9 } : anyWeird(m.k >> 1));
        break;
      }
      case 'grow': {
        // At most one list per case grows (they are slow to map); later grows act as deletes of nothing.
        if (budget.grows <= 0) break;
        budget.grows--;
        // The nearest list at or above the target becomes 10,000 copies of its first entry.
        for (let depth = path.length; depth >= 0; depth--) {
          const list = get(root, path.slice(0, depth));
          if (Array.isArray(list) && list.length > 0) {
            const first = list[0] as unknown;
            // Shallow copies: a 1 MB string in the entry is shared, not copied 10,000 times.
            const copies = Array.from({ length: 10_000 }, (_, i) => {
              const c = Array.isArray(first) ? [...(first as unknown[])] : first && typeof first === 'object' ? { ...(first as object) } : first;
              // Keep ids distinct where there is one, so the copies are not collapsed as duplicates.
              if (c && typeof c === 'object' && !Array.isArray(c) && 'id' in c) put(c, 'id', typeof (c as { id: unknown }).id === 'number' ? 900_000 + i : `dup${i}`);
              return c;
            });
            list.splice(0, list.length, ...copies);
            break;
          }
        }
        break;
      }
    }
  }
  return root;
}

/** Replace every value `matches` accepts, anywhere in `root` (a clone), by `replacement`. */
export function replaceAll(root: unknown, matches: (v: unknown) => boolean, replacement: unknown): unknown {
  if (matches(root)) return replacement;
  if (Array.isArray(root)) return root.map((v) => replaceAll(v, matches, replacement));
  if (root && typeof root === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(root)) put(out, k, replaceAll(v, matches, replacement));
    return out;
  }
  return root;
}

export { isDateLike, isNumeric };

export interface FuzzIo {
  io: CrmFetch;
  served: number;
  requests: number;
}

/** Like recordedIo, but the n-th response served gets plan[n]'s mutations; refuses after `maxRequests`. */
export function mutatingIo(recordings: readonly Recording[], plan: readonly (readonly Mutation[])[], maxRequests = 400): FuzzIo {
  const budget = { grows: 1 };
  const state: FuzzIo = {
    served: 0,
    requests: 0,
    io: async (url, init) => {
      state.requests++;
      if (state.requests > maxRequests) throw new Error(`runaway: more than ${maxRequests} requests`);
      const method = init?.method ?? 'GET';
      const body = init?.body === undefined ? undefined : (JSON.parse(init.body) as unknown);
      const hit = recordings.find((r) => (r.method ?? 'GET') === method && r.url === url && (!r.whenBody || r.whenBody(body)));
      if (!hit) return { status: 404, headers: {}, body: { message: 'not recorded' } };
      const n = state.served++;
      const mutations = plan[n] ?? [];
      return { status: hit.status ?? 200, headers: { ...(hit.headers ?? {}) }, body: mutate(structuredClone(hit.body), mutations, budget) };
    },
  };
  return state;
}
