import type { LookupAddress, LookupOptions } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { AddressRefusedError, checkAddress, checkHost, classifyAddress, guardedLookup, isCidr, type Resolver } from '../../src/feeds/address-guard.js';

const NONE = { allow: [] };

describe('classifyAddress', () => {
  it.each([
    ['0.0.0.0', /this network/],
    ['0.1.2.3', /this network/],
    ['10.0.0.1', /private network/],
    ['10.255.255.255', /private network/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['100.127.255.254', /carrier-grade NAT/],
    ['127.0.0.1', /loopback/],
    ['127.255.0.9', /loopback/],
    ['169.254.0.1', /link-local/],
    ['169.254.169.254', /^cloud metadata service$/],
    ['100.100.100.200', /^cloud metadata service$/],
    ['172.16.0.1', /private network/],
    ['172.31.255.255', /private network/],
    ['192.0.0.8', /IETF protocol assignments/],
    ['192.0.2.10', /documentation/],
    ['192.168.0.1', /private network/],
    ['192.168.255.255', /private network/],
    ['198.18.0.1', /benchmarking/],
    ['198.19.255.255', /benchmarking/],
    ['224.0.0.1', /multicast/],
    ['239.255.255.250', /multicast/],
    ['240.0.0.1', /reserved/],
    ['255.255.255.254', /reserved/],
    ['255.255.255.255', /broadcast/],
  ])('refuses IPv4 %s', (ip, reason) => {
    expect(classifyAddress(ip)?.reason).toMatch(reason);
  });

  it.each([
    ['::', /unspecified/],
    ['::1', /loopback/],
    ['0:0:0:0:0:0:0:1', /loopback/],
    ['[::1]', /loopback/],
    ['fc00::1', /unique local/],
    ['fd12:3456:789a::1', /unique local/],
    ['fd00:ec2::254', /cloud metadata service/],
    ['fe80::1', /link-local/],
    ['fe80::1%eth0', /link-local/],
    ['febf:ffff::1', /link-local/],
    ['ff02::1', /multicast/],
    ['2001:db8::1', /documentation/],
    ['::7f00:1', /deprecated IPv4-compatible/],
    ['100::1', /discard-only/],
    ['64:ff9b:1::a00:1', /local-use NAT64/],
    ['fbff:ffff::1', /reserved/],
    ['4000::1', /reserved/],
    ['::2:1', /reserved|IPv4-compatible/],
  ])('refuses IPv6 %s', (ip, reason) => {
    expect(classifyAddress(ip)?.reason).toMatch(reason);
  });

  it.each([
    ['::ffff:10.0.0.1', 'IPv4-mapped 10.0.0.1, private network'],
    ['::ffff:7f00:1', 'IPv4-mapped 127.0.0.1, loopback'],
    ['::FFFF:127.0.0.1', 'IPv4-mapped 127.0.0.1, loopback'],
    ['0:0:0:0:0:ffff:a9fe:a9fe', 'IPv4-mapped 169.254.169.254, cloud metadata service'],
    ['::ffff:192.168.1.1', 'IPv4-mapped 192.168.1.1, private network'],
    ['64:ff9b::10.0.0.1', 'NAT64 10.0.0.1, private network'],
    ['64:ff9b::a9fe:a9fe', 'NAT64 169.254.169.254, cloud metadata service'],
    ['2002:7f00:1::1', '6to4 127.0.0.1, loopback'],
    ['2002:c0a8:101::', '6to4 192.168.1.1, private network'],
  ])('judges %s by the IPv4 address it carries', (ip, reason) => {
    expect(classifyAddress(ip)).toEqual({ reason });
  });

  it.each([
    '1.1.1.1',
    '8.8.8.8',
    '9.255.255.255',
    '11.0.0.1',
    '100.63.255.255',
    '100.128.0.0',
    '126.255.255.255',
    '128.0.0.1',
    '169.253.255.255',
    '169.255.0.1',
    '172.15.255.255',
    '172.32.0.1',
    '192.0.1.1',
    '192.167.255.255',
    '192.169.0.1',
    '198.17.255.255',
    '198.20.0.1',
    '223.255.255.255',
    '93.184.216.34',
    '2606:4700:4700::1111',
    '2a00:1450:4001:80b::200e',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
    '::ffff:808:808',
    '64:ff9b::808:808',
    '2002:808:808::1',
    '2400:cb00::1',
    '3fff:ffff::1',
  ])('lets the public address %s through', (ip) => {
    expect(classifyAddress(ip)).toBeNull();
  });

  it('refuses what is not an IP address at all', () => {
    expect(classifyAddress('example.com')).toEqual({ reason: 'not an IP address' });
    expect(classifyAddress('')).toEqual({ reason: 'not an IP address' });
    expect(classifyAddress('010.0.0.1')).toEqual({ reason: 'not an IP address' });
  });
});

describe('checkAddress', () => {
  it('refuses with a message naming the address, the reason and the setting', () => {
    expect(checkAddress('169.254.169.254', NONE)).toEqual({
      address: '169.254.169.254',
      reason: 'cloud metadata service',
      message:
        'refused to connect to 169.254.169.254 (cloud metadata service): private and internal addresses are not fetched; ' +
        'an operator can allow a range with fetch.allowAddresses in config/default.yaml',
    });
    expect(checkAddress('10.1.2.3', NONE, 'feeds.example.test')?.message).toMatch(/^refused to connect to feeds\.example\.test at 10\.1\.2\.3 \(private network\): /);
  });

  it('passes public addresses with or without an allowlist', () => {
    expect(checkAddress('8.8.8.8', NONE)).toBeNull();
    expect(checkAddress('2606:4700:4700::1111', { allow: ['10.0.0.0/8'] })).toBeNull();
  });

  it('allows exactly the ranges an operator lists', () => {
    const policy = { allow: ['127.0.0.0/8', '::1/128', '10.1.0.0/16', 'fd12:3456::/32', '192.168.7.7'] };
    for (const ip of ['127.0.0.1', '127.9.9.9', '::1', '10.1.255.1', 'fd12:3456:1::1', '192.168.7.7', '::ffff:127.0.0.1', '::ffff:a01:101']) {
      expect(checkAddress(ip, policy), ip).toBeNull();
    }
    for (const ip of ['10.2.0.1', '169.254.169.254', 'fd12:3457::1', '192.168.7.8', '::ffff:10.2.0.1', 'fe80::1', '0.0.0.0']) {
      expect(checkAddress(ip, policy), ip).not.toBeNull();
    }
  });

  it('applies IPv4 ranges to the IPv4 inside NAT64 and 6to4 addresses', () => {
    expect(checkAddress('64:ff9b::a01:203', { allow: ['10.1.0.0/16'] })).toBeNull();
    expect(checkAddress('2002:a01:203::1', { allow: ['10.1.0.0/16'] })).toBeNull();
    expect(checkAddress('64:ff9b::a02:203', { allow: ['10.1.0.0/16'] })).not.toBeNull();
  });

  it('rejects an invalid allowlist entry loudly', () => {
    expect(() => checkAddress('10.0.0.1', { allow: ['10.0.0.0/33'] })).toThrow(/"10\.0\.0\.0\/33" is not an address range/);
    expect(() => guardedLookup({ allow: ['intranet'] })).toThrow(TypeError);
  });
});

describe('isCidr and checkHost', () => {
  it.each([
    ['127.0.0.0/8', true],
    ['::1/128', true],
    ['10.1.0.0/16', true],
    ['fd00::/8', true],
    ['192.168.1.1', true],
    ['::1', true],
    ['0.0.0.0/0', true],
    ['10.0.0.0/33', false],
    ['::/129', false],
    ['fe80::%eth0/64', true],
    ['10.0.0.0/', false],
    ['10.0.0.0/-1', false],
    ['10.0.0/8', false],
    ['intranet.local/16', false],
    ['', false],
  ])('isCidr(%j) is %s', (entry, valid) => {
    expect(isCidr(entry)).toBe(valid);
  });

  it('checks IP-literal URL hosts and leaves names to the lookup', () => {
    expect(checkHost(new URL('http://[::1]:8080/').hostname, NONE)?.reason).toBe('loopback');
    expect(checkHost(new URL('http://2130706433/').hostname, NONE)?.reason).toBe('loopback');
    expect(checkHost(new URL('http://0x0a.1/').hostname, NONE)?.reason).toBe('private network');
    expect(checkHost(new URL('http://[::ffff:169.254.169.254]/').hostname, NONE)?.reason).toMatch(/cloud metadata service/);
    expect(checkHost('localhost', NONE)).toBeNull();
    expect(checkHost('news.example', NONE)).toBeNull();
    expect(checkHost('93.184.216.34', NONE)).toBeNull();
  });
});

describe('guardedLookup', () => {
  const resolver =
    (answers: Record<string, readonly LookupAddress[]>): Resolver =>
    async (hostname) =>
      answers[hostname] ?? [];
  const lookup = (fn: ReturnType<typeof guardedLookup>, hostname: string, options: LookupOptions) =>
    new Promise<{ err: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family?: number }>((resolve) =>
      fn(hostname, options, (err, address, family) => resolve({ err, address, family })),
    );
  const answers = {
    'public.test': [
      { address: '93.184.216.34', family: 4 },
      { address: '2606:2800:220:1::1', family: 6 },
    ],
    'mixed.test': [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ],
    'mapped.test': [{ address: '::ffff:127.0.0.1', family: 6 }],
    'metadata.test': [{ address: '169.254.169.254', family: 4 }],
  };

  it('answers checked addresses in both shapes of dns.lookup', async () => {
    const fn = guardedLookup(NONE, resolver(answers));
    expect(await lookup(fn, 'public.test', { all: true })).toEqual({
      err: null,
      address: [
        { address: '93.184.216.34', family: 4 },
        { address: '2606:2800:220:1::1', family: 6 },
      ],
      family: undefined,
    });
    expect(await lookup(fn, 'public.test', {})).toEqual({ err: null, address: '93.184.216.34', family: 4 });
    expect(await lookup(fn, 'public.test', { family: 6 })).toEqual({ err: null, address: '2606:2800:220:1::1', family: 6 });
    expect(await lookup(fn, 'public.test', { family: 'IPv6', all: true })).toMatchObject({ address: [{ address: '2606:2800:220:1::1', family: 6 }] });
  });

  it('refuses the whole name if ANY answer is refused', async () => {
    const fn = guardedLookup(NONE, resolver(answers));
    for (const options of [{ all: true }, {}] as LookupOptions[]) {
      const { err } = await lookup(fn, 'mixed.test', options);
      expect(err).toBeInstanceOf(AddressRefusedError);
      expect(err?.message).toMatch(/^refused to connect to mixed\.test at 10\.0\.0\.7 \(private network\): .*fetch\.allowAddresses/);
    }
    expect((await lookup(fn, 'mapped.test', {})).err?.message).toMatch(/IPv4-mapped 127\.0\.0\.1, loopback/);
    expect((await lookup(fn, 'metadata.test', { all: true })).err?.message).toMatch(/\(cloud metadata service\)/);
    // Even when only IPv6 is asked for, the private IPv4 answer spoils the name.
    expect((await lookup(fn, 'mixed.test', { family: 6 })).err).toBeInstanceOf(AddressRefusedError);
  });

  it('lets allowed ranges through and passes resolver failures on', async () => {
    const fn = guardedLookup({ allow: ['10.0.0.0/8'] }, resolver(answers));
    expect(await lookup(fn, 'mixed.test', {})).toEqual({ err: null, address: '93.184.216.34', family: 4 });
    const missing = await lookup(fn, 'nowhere.test', {});
    expect(missing.err?.code).toBe('ENOTFOUND');
    const failing = guardedLookup(NONE, () => Promise.reject(Object.assign(new Error('getaddrinfo EAI_AGAIN x.test'), { code: 'EAI_AGAIN' })));
    expect((await lookup(failing, 'x.test', {})).err?.code).toBe('EAI_AGAIN');
  });
});
