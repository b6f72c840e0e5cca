// Which addresses a webhook may reach. A case type names its webhook URLs, and whoever can publish a
// case type must not thereby reach the host's own network (SSRF): loopback, private, link-local (cloud
// metadata at 169.254.169.254), unspecified, multicast and reserved addresses are refused unless the
// operator allows them with DOSSIER_WEBHOOK_ALLOW (host names, addresses or CIDR ranges).
import { inRange, nonPublicReason, parseIp, unmapped, type IpBytes } from '../../schemas/ip-ranges.ts';

interface Range {
  bytes: IpBytes;
  bits: number;
}

/** `10.0.0.0/8` or a bare address (as /32 or /128); null when it is neither. */
function parseRange(entry: string): Range | null {
  const [address = '', prefixText, extra] = entry.split('/');
  const bytes = parseIp(address);
  if (bytes === null || extra !== undefined) return null;
  const max = bytes.length * 8;
  if (prefixText !== undefined && !/^\d+$/.test(prefixText)) return null;
  const bits = prefixText === undefined ? max : Number(prefixText);
  return bits > max ? null : { bytes, bits };
}

/** The reason an IP address is not a public unicast address ('private', 'loopback', …; the table is schemas/ip-ranges.ts), or null. */
export function classifyAddress(address: string): string | null {
  const ip = parseIp(address);
  return ip === null ? 'invalid' : nonPublicReason(ip);
}

/** What DOSSIER_WEBHOOK_ALLOW lets through even though it is not public. */
export interface WebhookAllow {
  /** Host names as written in webhook URLs (lower case, no trailing dot). */
  hosts: ReadonlySet<string>;
  addresses: readonly Range[];
}

/** Labels of letters, digits, `-` and `_`; the last one not all digits (a URL would read that as IPv4). */
const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9_][a-z0-9_-]{0,62}\.)*(?!\d+$)[a-z0-9_][a-z0-9_-]{0,62}$/;

function normalHost(host: string): string {
  return host.toLowerCase().replace(/\.$/, '');
}

/** Parses `127.0.0.1,10.0.0.0/8,hooks.internal`; throws naming the first entry that is none of those. */
export function parseWebhookAllow(text: string): WebhookAllow {
  const hosts = new Set<string>();
  const addresses: Range[] = [];
  for (const entry of text.split(',').map((e) => e.trim()).filter((e) => e !== '')) {
    const range = parseRange(entry);
    if (range !== null) {
      addresses.push(range);
      continue;
    }
    const host = normalHost(entry);
    if (!HOST_NAME.test(host)) throw new Error(`DOSSIER_WEBHOOK_ALLOW: '${entry}' is not a host name, an IP address or a CIDR range.`);
    hosts.add(host);
  }
  return { hosts, addresses };
}

function allowedAddress(allow: WebhookAllow, address: string): boolean {
  const ip = parseIp(address);
  // a mapped address is allowed by its IPv4 range too, as it is judged by it
  return ip !== null && allow.addresses.some((range) => inRange(ip, range) || inRange(unmapped(ip), range));
}

/** Nothing allowed beyond public addresses: the default. */
export const noWebhookAllow: WebhookAllow = parseWebhookAllow('');

/**
 * Why a webhook to `host` must not connect to `addresses` (every address it resolved to: one bad one
 * refuses the lot, since the connection could go to any), or null when it may.
 */
export function webhookRefusal(host: string, addresses: readonly string[], allow: WebhookAllow, kind = 'webhook'): string | null {
  const name = normalHost(host);
  if (allow.hosts.has(name)) return null;
  for (const address of addresses) {
    const reason = classifyAddress(address);
    if (reason === null || allowedAddress(allow, address)) continue;
    const target = name === address ? address : `${name} (${address})`;
    return `${kind} to ${target} refused: ${reason} address; allow it with DOSSIER_WEBHOOK_ALLOW=${name}`;
  }
  return null;
}
