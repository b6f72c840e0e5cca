// Which IP addresses are not public unicast addresses, and why: the one table both the validator
// (a warning for a webhook URL that names such an address) and the runtime (which refuses to deliver
// a webhook there: runtime/scheduler/address-policy.ts) judge by. Pure: no node:net, so the designer
// and the validator can use it too.

/** Why an address is not public; the first matching range names it (so ::1 is loopback, not reserved). */
const RANGES: readonly (readonly [reason: string, cidrs: readonly string[]])[] = [
  ['unspecified', ['0.0.0.0/8', '::/128']],
  ['loopback', ['127.0.0.0/8', '::1/128']],
  ['private', ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7', 'fec0::/10']],
  ['link-local', ['169.254.0.0/16', 'fe80::/10']],
  ['multicast', ['224.0.0.0/4', 'ff00::/8']],
  // Documentation, benchmarking, protocol and future-use ranges, and IPv6 forms that carry an IPv4
  // address to somewhere else (IPv4-compatible, NAT64, 6to4, Teredo): nothing a webhook should need.
  // IPv4-mapped IPv6 (::ffff:a.b.c.d) needs no entry: it is judged by its IPv4 address.
  [
    'reserved',
    [
      '192.0.0.0/24', '192.0.2.0/24', '192.88.99.0/24', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '240.0.0.0/4',
      '::/96', '64:ff9b::/96', '64:ff9b:1::/48', '100::/64', '2001::/23', '2001:db8::/32', '2002::/16',
    ],
  ],
];

/** An IP address as its bytes: 4 for IPv4, 16 for IPv6. */
export type IpBytes = readonly number[];

function parseV4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255)) return null;
  return parts.map(Number);
}

function parseV6(text: string): number[] | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    const pieces = part.split(':');
    for (const [i, piece] of pieces.entries()) {
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseV4(piece); // a dotted IPv4 tail (::ffff:127.0.0.1) stands for two groups
        if (v4 === null) return null;
        const [a = 0, b = 0, c = 0, d = 0] = v4;
        out.push(a * 256 + b, c * 256 + d);
      } else if (/^[0-9a-f]{1,4}$/i.test(piece)) out.push(parseInt(piece, 16));
      else return null;
    }
    return out;
  };
  const head = groups(halves[0] ?? '');
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
  if (head === null || tail === null) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  return [...head, ...Array<number>(missing).fill(0), ...tail].flatMap((g) => [g >> 8, g & 0xff]);
}

/** The bytes of an IPv4 or IPv6 address (a zone such as `%eth0` is ignored), or null when it is neither. */
export function parseIp(text: string): IpBytes | null {
  return text.includes(':') ? parseV6(text.replace(/%.*$/, '')) : parseV4(text);
}

function parseCidr(cidr: string): { bytes: IpBytes; bits: number } {
  const [address = '', bits = ''] = cidr.split('/');
  return { bytes: parseIp(address) as IpBytes, bits: Number(bits) };
}

/** Whether `ip` lies in the range (same family, the first `bits` bits equal). */
export function inRange(ip: IpBytes, range: { bytes: IpBytes; bits: number }): boolean {
  if (ip.length !== range.bytes.length) return false;
  for (let bit = 0; bit < range.bits; bit += 8) {
    const mask = range.bits - bit >= 8 ? 0xff : (0xff << (8 - (range.bits - bit))) & 0xff;
    if (((ip[bit / 8] as number) & mask) !== ((range.bytes[bit / 8] as number) & mask)) return false;
  }
  return true;
}

const classes = RANGES.map(([reason, cidrs]) => ({ reason, ranges: cidrs.map(parseCidr) }));

/** An IPv4-mapped IPv6 address (::ffff:a.b.c.d) as the IPv4 address it stands for; any other as it is. */
export function unmapped(ip: IpBytes): IpBytes {
  const mapped = ip.length === 16 && ip.slice(0, 10).every((b) => b === 0) && ip[10] === 0xff && ip[11] === 0xff;
  return mapped ? ip.slice(12) : ip;
}

/** Why an address is not a public unicast address ('loopback', 'private', …), or null when it is public. */
export function nonPublicReason(ip: IpBytes): string | null {
  const judged = unmapped(ip);
  return classes.find(({ ranges }) => ranges.some((range) => inRange(judged, range)))?.reason ?? null;
}
