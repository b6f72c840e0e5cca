// Webhook URLs whose host is written as a non-public address. At delivery the runtime refuses
// loopback, private, link-local, multicast and reserved addresses (after resolving the name) unless
// the operator allows them with DOSSIER_WEBHOOK_ALLOW; the validator cannot resolve names nor see
// that setting, so it warns where the URL itself names such an address: the analyst learns it when
// publishing, not from a dead-lettered delivery. Pure: the WHATWG URL parser (a global in Node and in
// browsers) normalises the host first, so 2130706433, 0x7f.1 and [::ffff:127.0.0.1] are all caught.

/** [first, last] of an IPv4 range as 32-bit numbers, and what it is. */
const V4_RANGES: readonly [cidr: string, reason: string][] = [
  ['0.0.0.0/8', 'unspecified'],
  ['127.0.0.0/8', 'loopback'],
  ['10.0.0.0/8', 'private'],
  ['172.16.0.0/12', 'private'],
  ['192.168.0.0/16', 'private'],
  ['100.64.0.0/10', 'shared (carrier-grade NAT)'],
  ['169.254.0.0/16', 'link-local (cloud metadata)'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'],
  ['192.0.0.0/24', 'reserved'],
  ['192.0.2.0/24', 'documentation'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['198.18.0.0/15', 'benchmarking'],
];

function v4Number(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

const v4Ranges = V4_RANGES.map(([cidr, reason]) => {
  const [base = '', bits = '32'] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  const first = v4Number(base) ?? 0;
  return { first, last: first + size - 1, reason };
});

function classifyV4(n: number): string | null {
  return v4Ranges.find((r) => n >= r.first && n <= r.last)?.reason ?? null;
}

/** The 16-bit groups of an IPv6 address as the URL parser writes it (compressed, lower case, no zone). */
function v6Groups(text: string): number[] | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)));
  const head = parse(halves[0] ?? '');
  const tail = halves.length === 2 ? parse(halves[1] ?? '') : [];
  const groups = halves.length === 2 ? [...head, ...Array<number>(8 - head.length - tail.length).fill(0), ...tail] : head;
  return groups.length === 8 && groups.every((g) => Number.isInteger(g)) ? groups : null;
}

function classifyV6(groups: number[]): string | null {
  const [g0 = 0, , , , , g5 = 0, g6 = 0, g7 = 0] = groups;
  const zeroUpTo = (k: number) => groups.slice(0, k).every((g) => g === 0);
  if (zeroUpTo(8)) return 'unspecified';
  if (zeroUpTo(7) && g7 === 1) return 'loopback';
  if (zeroUpTo(5) && g5 === 0xffff) return classifyV4(g6 * 65536 + g7); // IPv4-mapped
  if ((g0 & 0xfe00) === 0xfc00) return 'private';
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local';
  if ((g0 & 0xff00) === 0xff00) return 'multicast';
  if (g0 === 0x2001 && groups[1] === 0x0db8) return 'documentation';
  return null;
}

/** What kind of non-public address the URL's host names ('loopback', 'private', …), or null. */
export function nonPublicHost(url: string): { host: string; reason: string } | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null; // the meta-schema reports URLs that do not parse
  }
  if (host === 'localhost' || host.endsWith('.localhost')) return { host, reason: 'loopback' };
  if (host.startsWith('[') && host.endsWith(']')) {
    const groups = v6Groups(host.slice(1, -1));
    const reason = groups === null ? null : classifyV6(groups);
    return reason === null ? null : { host, reason };
  }
  const n = v4Number(host);
  const reason = n === null ? null : classifyV4(n);
  return reason === null ? null : { host, reason };
}
