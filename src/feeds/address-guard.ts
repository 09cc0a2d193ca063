/**
 * The fetcher's address policy against server-side request forgery: feeds can be added from chat
 * and any feed can link article pages, so a URL must never make the bot talk to itself, its
 * network, or a cloud metadata service. Every address is checked after DNS resolution and on every
 * redirect hop; an operator may allow ranges (an intranet feed) with fetch.allowAddresses.
 *
 * Pure functions plus a `lookup` hook for node:http: the hook resolves the name once, refuses if
 * ANY answer is refused, and hands Node only checked addresses, so a DNS answer that changes
 * between check and connect (rebinding) cannot slip through. IP-literal hosts never reach
 * `lookup` in Node, so callers check them with `checkHost` before making the request.
 */
import dns from 'node:dns';
import net from 'node:net';

/** The ranges an operator permits, as CIDRs ("10.1.0.0/16", "::1/128") or single addresses. */
export interface AddressPolicy {
  allow: readonly string[];
}

/** Why an address is not fetched: its class, such as "loopback" or "cloud metadata service". */
export interface AddressClass {
  reason: string;
}

export interface AddressRefusal {
  /** The address refused (an IP, without brackets or zone). */
  address: string;
  reason: string;
  /** One sentence for logs and chat, naming the address, the reason and the way to allow it. */
  message: string;
}

/** What a resolver answers for a host name: every address, as dns.lookup with `all: true`. */
export type Resolver = (hostname: string) => Promise<readonly dns.LookupAddress[]>;

/** The thrown shape of a refusal from `guardedLookup`, as Node hands it to the request's 'error'. */
export class AddressRefusedError extends Error {
  readonly code = 'ERR_ADDRESS_REFUSED';
  constructor(readonly refusal: AddressRefusal) {
    super(refusal.message);
    this.name = 'AddressRefusedError';
  }
}

const HINT = 'private and internal addresses are not fetched; an operator can allow a range with fetch.allowAddresses in config/default.yaml';

// Most specific first: the first matching rule names the reason.
const V4_RULES: readonly (readonly [string, number, string])[] = [
  ['169.254.169.254', 32, 'cloud metadata service'],
  ['100.100.100.200', 32, 'cloud metadata service'],
  ['255.255.255.255', 32, 'broadcast'],
  ['0.0.0.0', 8, '"this network", not a destination'],
  ['10.0.0.0', 8, 'private network'],
  ['100.64.0.0', 10, 'carrier-grade NAT shared space'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private network'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation range'],
  ['192.168.0.0', 16, 'private network'],
  ['198.18.0.0', 15, 'benchmarking range'],
  ['198.51.100.0', 24, 'documentation range'],
  ['203.0.113.0', 24, 'documentation range'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

// IPv4-mapped (::ffff:0:0/96), NAT64 (64:ff9b::/96) and 6to4 (2002::/16) addresses are judged by
// the IPv4 address they carry, before these rules.
const V6_RULES: readonly (readonly [string, number, string])[] = [
  ['fd00:ec2::254', 128, 'cloud metadata service'],
  ['::', 128, 'unspecified address'],
  ['::1', 128, 'loopback'],
  ['::', 96, 'deprecated IPv4-compatible address'],
  ['64:ff9b:1::', 48, 'local-use NAT64'],
  ['100::', 64, 'discard-only range'],
  ['2001:db8::', 32, 'documentation range'],
  ['fc00::', 7, 'unique local (private) address'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local (deprecated)'],
  ['ff00::', 8, 'multicast'],
];

function compileRules(rules: readonly (readonly [string, number, string])[], type: 'ipv4' | 'ipv6'): { list: net.BlockList; reason: string }[] {
  return rules.map(([network, prefix, reason]) => {
    const list = new net.BlockList();
    list.addSubnet(network, prefix, type);
    return { list, reason };
  });
}

const V4 = compileRules(V4_RULES, 'ipv4');
const V6 = compileRules(V6_RULES, 'ipv6');
/** Global unicast: every public IPv6 address is in it; anything outside that no rule names is reserved. */
const GLOBAL_UNICAST = compileRules([['2000::', 3, '']], 'ipv6')[0]!.list;

/** `[::1]` → `::1`, `fe80::1%eth0` → `fe80::1`: the bare address, or the input when it is not one. */
export function bareAddress(host: string): string {
  const unbracketed = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  const zone = unbracketed.indexOf('%');
  return zone >= 0 && net.isIPv6(unbracketed) ? unbracketed.slice(0, zone) : unbracketed;
}

/** The eight 16-bit groups of a valid IPv6 address (a trailing dotted quad allowed). */
function ipv6Groups(ip: string): number[] | null {
  if (!net.isIPv6(ip)) return null;
  // A trailing dotted quad ("::ffff:10.0.0.1") becomes its two groups.
  const text = ip.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_m, a: string, b: string, c: string, d: string) =>
    `${((Number(a) << 8) | Number(b)).toString(16)}:${((Number(c) << 8) | Number(d)).toString(16)}`,
  );
  const parse = (part: string): number[] => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  let groups: number[];
  const gap = text.indexOf('::');
  if (gap >= 0) {
    const head = parse(text.slice(0, gap));
    const rest = parse(text.slice(gap + 2));
    groups = [...head, ...new Array<number>(8 - head.length - rest.length).fill(0), ...rest];
  } else {
    groups = parse(text);
  }
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

function v4FromGroups(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** The IPv4 address an IPv6 address carries, and how: mapped, NAT64 or 6to4. */
function embeddedIPv4(ip: string): { v4: string; via: string } | null {
  const g = ipv6Groups(ip);
  if (g === null) return null;
  if (g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff) return { v4: v4FromGroups(g[6]!, g[7]!), via: 'IPv4-mapped' };
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0) return { v4: v4FromGroups(g[6]!, g[7]!), via: 'NAT64' };
  if (g[0] === 0x2002) return { v4: v4FromGroups(g[1]!, g[2]!), via: '6to4' };
  return null;
}

/**
 * null for a public address; otherwise the class that keeps it from being fetched. Anything that
 * is not an IP address at all is refused too ("not an IP address"), so a caller cannot mistake a
 * typo for a pass.
 */
export function classifyAddress(ip: string): AddressClass | null {
  const address = bareAddress(ip);
  const family = net.isIP(address);
  if (family === 4) {
    const rule = V4.find((r) => r.list.check(address, 'ipv4'));
    return rule === undefined ? null : { reason: rule.reason };
  }
  if (family === 6) {
    const embedded = embeddedIPv4(address);
    if (embedded !== null) {
      const inner = classifyAddress(embedded.v4);
      return inner === null ? null : { reason: `${embedded.via} ${embedded.v4}, ${inner.reason}` };
    }
    const rule = V6.find((r) => r.list.check(address, 'ipv6'));
    if (rule !== undefined) return { reason: rule.reason };
    return GLOBAL_UNICAST.check(address, 'ipv6') ? null : { reason: 'reserved (not global unicast)' };
  }
  return { reason: 'not an IP address' };
}

/** One allowlist entry: "10.1.0.0/16", "fd12::/64", or a single address ("::1"). */
export function parseCidr(entry: string): { network: string; prefix: number; type: 'ipv4' | 'ipv6' } | null {
  const slash = entry.indexOf('/');
  const network = bareAddress((slash < 0 ? entry : entry.slice(0, slash)).trim());
  const family = net.isIP(network);
  if (family === 0) return null;
  const max = family === 4 ? 32 : 128;
  const prefixText = slash < 0 ? String(max) : entry.slice(slash + 1).trim();
  if (!/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  if (prefix > max) return null;
  return { network, prefix, type: family === 4 ? 'ipv4' : 'ipv6' };
}

/** For config validation: is this a valid allowlist entry? */
export function isCidr(entry: string): boolean {
  return parseCidr(entry) !== null;
}

const compiled = new WeakMap<AddressPolicy, net.BlockList>();

/** The policy's allowlist as a BlockList (cached per policy object); throws on an invalid entry. */
export function compilePolicy(policy: AddressPolicy): net.BlockList {
  const cached = compiled.get(policy);
  if (cached !== undefined) return cached;
  const list = new net.BlockList();
  for (const entry of policy.allow) {
    const cidr = parseCidr(entry);
    if (cidr === null) throw new TypeError(`fetch.allowAddresses: "${entry}" is not an address range; use a CIDR such as 10.1.0.0/16 or fd00::/8`);
    list.addSubnet(cidr.network, cidr.prefix, cidr.type);
  }
  compiled.set(policy, list);
  return list;
}

function allowed(address: string, policy: AddressPolicy): boolean {
  if (policy.allow.length === 0) return false;
  const list = compilePolicy(policy);
  const family = net.isIP(address);
  if (family === 4) return list.check(address, 'ipv4');
  if (family !== 6) return false;
  // BlockList matches IPv4 rules against IPv4-mapped addresses itself; NAT64 and 6to4 are ours.
  const embedded = embeddedIPv4(address);
  return list.check(address, 'ipv6') || (embedded !== null && list.check(embedded.v4, 'ipv4'));
}

/**
 * null when the bot may connect to `ip` (public, or in the operator's allowlist); otherwise the
 * refusal. `host` names the address in the message when it came from a host name.
 */
export function checkAddress(ip: string, policy: AddressPolicy, host?: string): AddressRefusal | null {
  const address = bareAddress(ip);
  const found = classifyAddress(address);
  if (found === null || allowed(address, policy)) return null;
  const named = host === undefined || bareAddress(host) === address ? address : `${host} at ${address}`;
  return { address, reason: found.reason, message: `refused to connect to ${named} (${found.reason}): ${HINT}` };
}

/**
 * For a URL's host (`url.hostname`, brackets allowed): the refusal when it is an IP literal that
 * is not allowed, else null. Host names pass here; `guardedLookup` checks what they resolve to.
 */
export function checkHost(hostname: string, policy: AddressPolicy): AddressRefusal | null {
  const address = bareAddress(hostname);
  return net.isIP(address) === 0 ? null : checkAddress(address, policy);
}

const systemResolver: Resolver = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

/**
 * A `lookup` for http.request / net.connect (dns.lookup's signature, both the `all: true` array
 * answer and the single address one): resolves with `resolve` (dns.lookup by default), fails with
 * an AddressRefusedError if ANY address is refused, and otherwise answers only addresses it checked.
 */
export function guardedLookup(policy: AddressPolicy, resolve: Resolver = systemResolver): net.LookupFunction {
  compilePolicy(policy); // an invalid entry fails here, at construction, not on the first fetch
  return (hostname, options, callback) => {
    const wanted = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : (options.family ?? 0);
    resolve(hostname).then(
      (answers) => {
        const all = answers.map((a) => ({ address: bareAddress(a.address), family: a.family }));
        // Every answer is checked, even those of a family not asked for: one bad answer spoils the name.
        for (const a of all) {
          const refusal = checkAddress(a.address, policy, hostname);
          if (refusal !== null) {
            callback(new AddressRefusedError(refusal), '');
            return;
          }
        }
        const addresses = all.filter((a) => wanted === 0 || a.family === wanted);
        if (addresses.length === 0) {
          const err: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
          err.code = 'ENOTFOUND';
          err.syscall = 'getaddrinfo';
          callback(err, '');
          return;
        }
        if (options.all === true) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (err: unknown) => callback(err instanceof Error ? err : new Error(String(err)), ''),
    );
  };
}
