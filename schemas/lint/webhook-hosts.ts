// Webhook URLs whose host is written as a non-public address. At delivery the runtime refuses
// loopback, private, link-local, multicast and reserved addresses (after resolving the name) unless
// the operator allows them with DOSSIER_WEBHOOK_ALLOW; the validator cannot resolve names nor see
// that setting, so it warns where the URL itself names such an address: the analyst learns it when
// publishing, not from a dead-lettered delivery. Both judge by the same table (schemas/ip-ranges.ts).
// The WHATWG URL parser (a global in Node and in browsers) normalises the host first, so 2130706433,
// 0x7f.1 and [::ffff:127.0.0.1] are all caught.
import { nonPublicReason, parseIp } from '../ip-ranges.ts';

/** What kind of non-public address the URL's host names ('loopback', 'private', …), or null. */
export function nonPublicHost(url: string): { host: string; reason: string } | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
    // a fully qualified name may end in a dot ('localhost.', 'localhost.localhost.'): the same host
    // (trimmed by a loop: /\.+$/ is quadratic on a long run of dots)
    let end = host.length;
    while (end > 0 && host.charCodeAt(end - 1) === 0x2e) end--;
    host = host.slice(0, end);
  } catch {
    return null; // the meta-schema reports URLs that do not parse
  }
  if (host === 'localhost' || host.endsWith('.localhost')) return { host, reason: 'loopback' };
  const ip = parseIp(host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host);
  const reason = ip === null ? null : nonPublicReason(ip);
  return reason === null ? null : { host, reason };
}
