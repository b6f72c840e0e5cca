// The validator's view of webhook hosts: literal non-public addresses in any spelling the URL parser
// accepts are named with their kind, as the runtime names them (schemas/ip-ranges.ts); host names
// (resolved only at delivery) and public addresses are not.
import { describe, expect, it } from 'vitest';
import { nonPublicHost } from '../../../schemas/lint/webhook-hosts.ts';

describe('nonPublicHost', () => {
  it('names loopback, private, link-local, multicast and reserved hosts, however they are spelled', () => {
    const cases: [url: string, reason: string][] = [
      ['http://localhost/hook', 'loopback'],
      ['http://api.localhost:8080/hook', 'loopback'],
      ['http://localhost./hook', 'loopback'],
      ['http://LOCALHOST../hook', 'loopback'],
      ['http://api.localhost./hook', 'loopback'],
      ['http://127.0.0.1./hook', 'loopback'],
      [`http://localhost${'.'.repeat(100_000)}/hook`, 'loopback'],
      ['http://127.0.0.1/hook', 'loopback'],
      ['http://2130706433/hook', 'loopback'],
      ['http://0x7f.1/hook', 'loopback'],
      ['http://[::1]/hook', 'loopback'],
      ['http://0.0.0.0/hook', 'unspecified'],
      ['http://[::]/hook', 'unspecified'],
      ['http://10.1.2.3/hook', 'private'],
      ['http://172.31.255.255/hook', 'private'],
      ['http://192.168.0.10/hook', 'private'],
      ['http://[fd12:3456::1]/hook', 'private'],
      ['http://100.64.0.1/hook', 'private'],
      ['http://169.254.169.254/latest/meta-data', 'link-local'],
      ['http://[::ffff:169.254.169.254]/latest', 'link-local'],
      ['http://[fe80::1]/hook', 'link-local'],
      ['http://224.0.0.1/hook', 'multicast'],
      ['http://[ff02::1]/hook', 'multicast'],
      ['http://255.255.255.255/hook', 'reserved'],
      ['http://192.0.2.7/hook', 'reserved'],
      ['http://[2001:db8::5]/hook', 'reserved'],
      ['http://198.19.0.1/hook', 'reserved'],
    ];
    expect(cases.map(([url]) => nonPublicHost(url)?.reason ?? null)).toEqual(cases.map(([, reason]) => reason));
  });

  it('leaves public addresses, host names and unparsable URLs alone', () => {
    const urls = [
      'https://crm.example.com/hook',
      'https://8.8.8.8/hook',
      'http://172.32.0.1/hook',
      'http://[2606:4700::1111]/hook',
      'http://[::ffff:8.8.8.8]/hook',
      'https://internal.corp/hook',
      'not a url',
    ];
    expect(urls.map((url) => nonPublicHost(url))).toEqual(urls.map(() => null));
  });

  it('reports the host as the URL parser normalised it', () => {
    expect(nonPublicHost('http://0x7f.1:9000/x')).toEqual({ host: '127.0.0.1', reason: 'loopback' });
  });
});
