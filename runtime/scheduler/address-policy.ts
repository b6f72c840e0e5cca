// Which addresses a webhook may reach. A case type names its webhook URLs, and whoever can publish a
// case type must not thereby reach the host's own network (SSRF): loopback, private, link-local (cloud
// metadata at 169.254.169.254), unspecified, multicast and reserved addresses are refused unless the
// operator allows them with DOSSIER_WEBHOOK_ALLOW (host names, addresses or CIDR ranges).
import { BlockList, isIP } from 'node:net';

/** Why an address is not public; the first matching range names it (so ::1 is loopback, not reserved). */
const RANGES: readonly (readonly [reason: string, cidrs: readonly string[]])[] = [
  ['unspecified', ['0.0.0.0/8', '::/128']],
  ['loopback', ['127.0.0.0/8', '::1/128']],
  ['private', ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7', 'fec0::/10']],
  ['link-local', ['169.254.0.0/16', 'fe80::/10']],
  ['multicast', ['224.0.0.0/4', 'ff00::/8']],
  // Documentation, benchmarking, protocol and future-use ranges, and IPv6 forms that carry an IPv4
  // address to somewhere else (IPv4-compatible, NAT64, 6to4, Teredo): nothing a webhook should need.
  // IPv4-mapped IPv6 (::ffff:a.b.c.d) needs no entry: BlockList checks it against the IPv4 ranges.
  [
    'reserved',
    [
      '192.0.0.0/24', '192.0.2.0/24', '192.88.99.0/24', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '240.0.0.0/4',
      '::/96', '64:ff9b::/96', '64:ff9b:1::/48', '100::/64', '2001::/23', '2001:db8::/32', '2002::/16',
    ],
  ],
];

type Family = 'ipv4' | 'ipv6';

function familyOf(address: string): Family | null {
  const version = isIP(address);
  return version === 4 ? 'ipv4' : version === 6 ? 'ipv6' : null;
}

/** Adds `10.0.0.0/8` or a bare address (as /32 or /128); false when it is neither. */
function addRange(list: BlockList, entry: string): boolean {
  const [address = '', prefixText, extra] = entry.split('/');
  const family = familyOf(address);
  if (family === null || extra !== undefined) return false;
  const max = family === 'ipv4' ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (!/^\d+$/.test(prefixText ?? '0') || prefix > max) return false;
  list.addSubnet(address, prefix, family);
  return true;
}

const classes = RANGES.map(([reason, cidrs]) => {
  const list = new BlockList();
  for (const cidr of cidrs) addRange(list, cidr);
  return { reason, list };
});

/** The reason an IP address is not a public unicast address ('private', 'loopback', …), or null. */
export function classifyAddress(address: string): string | null {
  const family = familyOf(address);
  if (family === null) return 'invalid';
  return classes.find(({ list }) => list.check(address, family))?.reason ?? null;
}

/** What DOSSIER_WEBHOOK_ALLOW lets through even though it is not public. */
export interface WebhookAllow {
  /** Host names as written in webhook URLs (lower case, no trailing dot). */
  hosts: ReadonlySet<string>;
  addresses: BlockList;
}

/** Labels of letters, digits, `-` and `_`; the last one not all digits (a URL would read that as IPv4). */
const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9_][a-z0-9_-]{0,62}\.)*(?!\d+$)[a-z0-9_][a-z0-9_-]{0,62}$/;

function normalHost(host: string): string {
  return host.toLowerCase().replace(/\.$/, '');
}

/** Parses `127.0.0.1,10.0.0.0/8,hooks.internal`; throws naming the first entry that is none of those. */
export function parseWebhookAllow(text: string): WebhookAllow {
  const hosts = new Set<string>();
  const addresses = new BlockList();
  for (const entry of text.split(',').map((e) => e.trim()).filter((e) => e !== '')) {
    if (addRange(addresses, entry)) continue;
    const host = normalHost(entry);
    if (!HOST_NAME.test(host)) throw new Error(`DOSSIER_WEBHOOK_ALLOW: '${entry}' is not a host name, an IP address or a CIDR range.`);
    hosts.add(host);
  }
  return { hosts, addresses };
}

function allowedAddress(allow: WebhookAllow, address: string): boolean {
  const family = familyOf(address);
  return family !== null && allow.addresses.check(address, family);
}

/** Nothing allowed beyond public addresses: the default. */
export const noWebhookAllow: WebhookAllow = parseWebhookAllow('');

/**
 * Why a webhook to `host` must not connect to `addresses` (every address it resolved to: one bad one
 * refuses the lot, since the connection could go to any), or null when it may.
 */
export function webhookRefusal(host: string, addresses: readonly string[], allow: WebhookAllow): string | null {
  const name = normalHost(host);
  if (allow.hosts.has(name)) return null;
  for (const address of addresses) {
    const reason = classifyAddress(address);
    if (reason === null || allowedAddress(allow, address)) continue;
    const target = name === address ? address : `${name} (${address})`;
    return `webhook to ${target} refused: ${reason} address; allow it with DOSSIER_WEBHOOK_ALLOW=${name}`;
  }
  return null;
}
