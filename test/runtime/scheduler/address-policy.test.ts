// Which webhook targets are refused: the address classes (IPv4, IPv6, IPv4-mapped IPv6) and the
// DOSSIER_WEBHOOK_ALLOW list (addresses, CIDR ranges, host names).
import { describe, expect, it } from 'vitest';
import { classifyAddress, noWebhookAllow, parseWebhookAllow, webhookRefusal } from '../../../runtime/scheduler/address-policy.ts';

describe('classifyAddress', () => {
  it.each([
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.0.0.5', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['198.18.0.1', 'reserved'],
  ])('IPv4 %s is %s', (address, reason) => {
    expect(classifyAddress(address)).toBe(reason);
  });

  it.each([
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['fe80::1', 'link-local'],
    ['febf::1', 'link-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['64:ff9b::a00:5', 'reserved'],
    ['2002:a00:5::1', 'reserved'],
    ['::127.0.0.1', 'reserved'],
  ])('IPv6 %s is %s', (address, reason) => {
    expect(classifyAddress(address)).toBe(reason);
  });

  it.each([
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.5', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:0.0.0.0', 'unspecified'],
  ])('IPv4-mapped IPv6 %s is judged by its IPv4 address: %s', (address, reason) => {
    expect(classifyAddress(address)).toBe(reason);
  });

  it.each(['8.8.8.8', '93.184.216.34', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])('%s is public', (address) => {
    expect(classifyAddress(address)).toBeNull();
  });

  it('calls a non-address invalid', () => {
    expect(classifyAddress('example.com')).toBe('invalid');
  });
});

describe('webhookRefusal and DOSSIER_WEBHOOK_ALLOW', () => {
  it('refuses by default, naming the address, the class and the setting', () => {
    expect(webhookRefusal('10.0.0.5', ['10.0.0.5'], noWebhookAllow)).toBe(
      'webhook to 10.0.0.5 refused: private address; allow it with DOSSIER_WEBHOOK_ALLOW=10.0.0.5',
    );
    expect(webhookRefusal('Hooks.Internal.', ['10.0.0.5'], noWebhookAllow)).toBe(
      'webhook to hooks.internal (10.0.0.5) refused: private address; allow it with DOSSIER_WEBHOOK_ALLOW=hooks.internal',
    );
  });

  it('refuses a host when any of its addresses is not public', () => {
    expect(webhookRefusal('mixed.example', ['93.184.216.34', '::1'], noWebhookAllow)).toBe(
      'webhook to mixed.example (::1) refused: loopback address; allow it with DOSSIER_WEBHOOK_ALLOW=mixed.example',
    );
    expect(webhookRefusal('public.example', ['93.184.216.34', '2606:4700::1111'], noWebhookAllow)).toBeNull();
  });

  it('allows single addresses, CIDR ranges (IPv4 and IPv6, mapped addresses included) and host names', () => {
    const allow = parseWebhookAllow(' 127.0.0.1, 10.0.0.0/8 ,fd00::/8,Hooks.Internal,,');
    expect(webhookRefusal('127.0.0.1', ['127.0.0.1'], allow)).toBeNull();
    expect(webhookRefusal('127.0.0.2', ['127.0.0.2'], allow)).toContain('refused: loopback address');
    expect(webhookRefusal('10.200.3.4', ['10.200.3.4'], allow)).toBeNull();
    expect(webhookRefusal('::ffff:a00:5', ['::ffff:a00:5'], allow)).toBeNull();
    expect(webhookRefusal('fd00::7', ['fd00::7'], allow)).toBeNull();
    expect(webhookRefusal('fc00::7', ['fc00::7'], allow)).toContain('refused: private address');
    expect(webhookRefusal('hooks.internal', ['192.168.9.9', '::1'], allow)).toBeNull();
    expect(webhookRefusal('other.internal', ['192.168.9.9'], allow)).toContain('refused: private address');
  });

  it('names the first entry that is not a host name, an address or a CIDR range', () => {
    for (const bad of ['10.0.0.0/33', '10.0.0.0/', '::1/129', '10.0.0.0/8/1', 'http://x', '*.internal', '10.0.0.0/x', '999.1.1.1', 'a..b']) {
      expect(() => parseWebhookAllow(`127.0.0.1,${bad}`)).toThrow(`DOSSIER_WEBHOOK_ALLOW: '${bad}' is not a host name, an IP address or a CIDR range.`);
    }
  });
});
