import net from 'node:net';

/** Parses "10.0.0.0/8, 2001:db8::/32" into subnets; returns what is wrong with each bad one. */
export function parseNetworks(value: string): { networks: string[]; problems: string[] } {
  const networks: string[] = [];
  const problems: string[] = [];
  for (const item of value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address = '', prefix, ...rest] = item.split('/');
    const family = net.isIP(address);
    const bits = Number(prefix);
    const max = family === 6 ? 128 : 32;
    if (family === 0 || rest.length > 0 || !/^\d+$/.test(prefix ?? '') || bits > max) {
      problems.push(`"${item}" is not a network in CIDR form (e.g. 10.0.0.0/8 or 2001:db8::/32)`);
    } else {
      networks.push(`${address}/${bits}`);
    }
  }
  return { networks, problems };
}

/** A test of client addresses against the networks; an IPv4 address seen as ::ffff:a.b.c.d counts as IPv4. */
export function networkFilter(networks: string[]): (address: string) => boolean {
  const list = new net.BlockList();
  for (const network of networks) {
    const [address = '', prefix = ''] = network.split('/');
    list.addSubnet(address, Number(prefix), net.isIP(address) === 6 ? 'ipv6' : 'ipv4');
  }
  return (address) => {
    const plain =
      address.startsWith('::ffff:') && net.isIPv4(address.slice(7)) ? address.slice(7) : address;
    const family = net.isIP(plain);
    return family !== 0 && list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
  };
}
