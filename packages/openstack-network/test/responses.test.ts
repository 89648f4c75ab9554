/** Every operation that reads a body turns a body that is not what Neutron documents into InvalidResponseError. */
import { InvalidResponseError, toArray } from '@cloud/core';
import { badResponseBodies, describeBadResponses } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import * as net from '../src/index.js';
import { BASE, id, PROJECT, setupNetwork } from './fixtures/network.js';

const { cloud, client } = setupNetwork();

type Op = [
  name: string,
  method: 'get' | 'post' | 'put',
  path: string,
  call: (c: net.NetworkClient) => Promise<unknown>,
];

const OPS: Op[] = [
  ['listNetworks', 'get', '/networks', (c) => toArray(net.listNetworks(c))],
  ['getNetwork', 'get', `/networks/${id(1)}`, (c) => net.getNetwork(c, id(1))],
  ['createNetwork', 'post', '/networks', (c) => net.createNetwork(c, { name: 'a' })],
  ['createNetworks', 'post', '/networks', (c) => net.createNetworks(c, [{ name: 'a' }])],
  ['updateNetwork', 'put', `/networks/${id(1)}`, (c) => net.updateNetwork(c, id(1), { name: 'a' })],
  ['listSubnets', 'get', '/subnets', (c) => toArray(net.listSubnets(c))],
  ['getSubnet', 'get', `/subnets/${id(1)}`, (c) => net.getSubnet(c, id(1))],
  ['createSubnet', 'post', '/subnets', (c) => net.createSubnet(c, { networkId: id(1), cidr: '10.0.0.0/24' })],
  ['updateSubnet', 'put', `/subnets/${id(1)}`, (c) => net.updateSubnet(c, id(1), { name: 'a' })],
  ['listSubnetPools', 'get', '/subnetpools', (c) => toArray(net.listSubnetPools(c))],
  ['getSubnetPool', 'get', `/subnetpools/${id(1)}`, (c) => net.getSubnetPool(c, id(1))],
  [
    'createSubnetPool',
    'post',
    '/subnetpools',
    (c) => net.createSubnetPool(c, { name: 'a', prefixes: ['10.0.0.0/8'] }),
  ],
  ['updateSubnetPool', 'put', `/subnetpools/${id(1)}`, (c) => net.updateSubnetPool(c, id(1), { name: 'a' })],
  ['listPorts', 'get', '/ports', (c) => toArray(net.listPorts(c))],
  ['getPort', 'get', `/ports/${id(1)}`, (c) => net.getPort(c, id(1))],
  ['createPort', 'post', '/ports', (c) => net.createPort(c, { networkId: id(1) })],
  ['createPorts', 'post', '/ports', (c) => net.createPorts(c, [{ networkId: id(1) }])],
  ['updatePort', 'put', `/ports/${id(1)}`, (c) => net.updatePort(c, id(1), { name: 'a' })],
  ['listRouters', 'get', '/routers', (c) => toArray(net.listRouters(c))],
  ['getRouter', 'get', `/routers/${id(1)}`, (c) => net.getRouter(c, id(1))],
  ['createRouter', 'post', '/routers', (c) => net.createRouter(c, { name: 'a' })],
  ['updateRouter', 'put', `/routers/${id(1)}`, (c) => net.updateRouter(c, id(1), { name: 'a' })],
  [
    'addRouterInterface',
    'put',
    `/routers/${id(1)}/add_router_interface`,
    (c) => net.addRouterInterface(c, id(1), { subnetId: id(2) }),
  ],
  [
    'removeRouterInterface',
    'put',
    `/routers/${id(1)}/remove_router_interface`,
    (c) => net.removeRouterInterface(c, id(1), { subnetId: id(2) }),
  ],
  [
    'addRouterRoutes',
    'put',
    `/routers/${id(1)}/add_extraroutes`,
    (c) => net.addRouterRoutes(c, id(1), [{ destination: '10.1.0.0/16', nexthop: '10.0.0.1' }]),
  ],
  [
    'removeRouterRoutes',
    'put',
    `/routers/${id(1)}/remove_extraroutes`,
    (c) => net.removeRouterRoutes(c, id(1), [{ destination: '10.1.0.0/16', nexthop: '10.0.0.1' }]),
  ],
  ['listNetworkFloatingIps', 'get', '/floatingips', (c) => toArray(net.listNetworkFloatingIps(c))],
  ['getNetworkFloatingIp', 'get', `/floatingips/${id(1)}`, (c) => net.getNetworkFloatingIp(c, id(1))],
  [
    'createNetworkFloatingIp',
    'post',
    '/floatingips',
    (c) => net.createNetworkFloatingIp(c, { floatingNetworkId: id(1) }),
  ],
  [
    'updateNetworkFloatingIp',
    'put',
    `/floatingips/${id(1)}`,
    (c) => net.disassociateNetworkFloatingIp(c, id(1)),
  ],
  [
    'listFloatingIpPortForwardings',
    'get',
    `/floatingips/${id(1)}/port_forwardings`,
    (c) => toArray(net.listFloatingIpPortForwardings(c, id(1))),
  ],
  [
    'getFloatingIpPortForwarding',
    'get',
    `/floatingips/${id(1)}/port_forwardings/${id(2)}`,
    (c) => net.getFloatingIpPortForwarding(c, id(1), id(2)),
  ],
  [
    'createFloatingIpPortForwarding',
    'post',
    `/floatingips/${id(1)}/port_forwardings`,
    (c) =>
      net.createFloatingIpPortForwarding(c, id(1), {
        protocol: 'tcp',
        internalPortId: id(3),
        internalIpAddress: '10.0.0.5',
        internalPort: 22,
        externalPort: 22,
      }),
  ],
  [
    'updateFloatingIpPortForwarding',
    'put',
    `/floatingips/${id(1)}/port_forwardings/${id(2)}`,
    (c) => net.updateFloatingIpPortForwarding(c, id(1), id(2), { externalPort: 2 }),
  ],
  ['listNetworkSecurityGroups', 'get', '/security-groups', (c) => toArray(net.listNetworkSecurityGroups(c))],
  [
    'getNetworkSecurityGroup',
    'get',
    `/security-groups/${id(1)}`,
    (c) => net.getNetworkSecurityGroup(c, id(1)),
  ],
  [
    'createNetworkSecurityGroup',
    'post',
    '/security-groups',
    (c) => net.createNetworkSecurityGroup(c, { name: 'a' }),
  ],
  [
    'updateNetworkSecurityGroup',
    'put',
    `/security-groups/${id(1)}`,
    (c) => net.updateNetworkSecurityGroup(c, id(1), { name: 'a' }),
  ],
  [
    'listNetworkSecurityGroupRules',
    'get',
    '/security-group-rules',
    (c) => toArray(net.listNetworkSecurityGroupRules(c)),
  ],
  [
    'getNetworkSecurityGroupRule',
    'get',
    `/security-group-rules/${id(1)}`,
    (c) => net.getNetworkSecurityGroupRule(c, id(1)),
  ],
  [
    'createNetworkSecurityGroupRule',
    'post',
    '/security-group-rules',
    (c) => net.createNetworkSecurityGroupRule(c, { securityGroupId: id(1), direction: 'ingress' }),
  ],
  [
    'createNetworkSecurityGroupRules',
    'post',
    '/security-group-rules',
    (c) => net.createNetworkSecurityGroupRules(c, [{ securityGroupId: id(1), direction: 'ingress' }]),
  ],
  ['getNetworkQuotas', 'get', `/quotas/${PROJECT}`, (c) => net.getNetworkQuotas(c, PROJECT)],
  ['getNetworkQuotaUsage', 'get', `/quotas/${PROJECT}/details`, (c) => net.getNetworkQuotaUsage(c, PROJECT)],
  [
    'listNetworkAvailabilityZones',
    'get',
    '/availability_zones',
    (c) => toArray(net.listNetworkAvailabilityZones(c)),
  ],
  ['listNetworkExtensions', 'get', '/extensions', (c) => toArray(net.listNetworkExtensions(c))],
  ['getNetworkExtension', 'get', '/extensions/router', (c) => net.getNetworkExtension(c, 'router')],
  ['getNetworkingTags', 'get', `/networks/${id(1)}/tags`, (c) => net.getNetworkingTags(c, 'networks', id(1))],
  [
    'replaceNetworkingTags',
    'put',
    `/networks/${id(1)}/tags`,
    (c) => net.replaceNetworkingTags(c, 'networks', id(1), ['a']),
  ],
  [
    'listNetworkIpAvailabilities',
    'get',
    '/network-ip-availabilities',
    (c) => toArray(net.listNetworkIpAvailabilities(c)),
  ],
  [
    'getNetworkIpAvailability',
    'get',
    `/network-ip-availabilities/${id(1)}`,
    (c) => net.getNetworkIpAvailability(c, id(1)),
  ],
];

/** A body whose every wrapper key a parser may look for holds a value of the wrong type. */
const WRONG: Record<string, unknown> = Object.fromEntries(
  [
    'network',
    'networks',
    'subnet',
    'subnets',
    'subnetpool',
    'subnetpools',
    'port',
    'ports',
    'router',
    'routers',
    'floatingip',
    'floatingips',
    'port_forwarding',
    'port_forwardings',
    'security_group',
    'security_groups',
    'security_group_rule',
    'security_group_rules',
    'quota',
    'availability_zones',
    'extensions',
    'extension',
    'tags',
    'network_ip_availability',
    'network_ip_availabilities',
    'id',
    'port_id',
    'subnet_id',
  ].map((k) => [k, k.endsWith('s') ? [{ id: 42 }] : { id: 42, name: 7 }]),
);
WRONG.quota = { network: 'lots' };
WRONG.tags = [1, 2];

describeBadResponses('network operations reject bodies Neutron does not send', {
  cloud,
  client,
  operations: OPS.map(([name, method, path, call]) => ({ name, method, url: `${BASE}${path}`, call })),
  bodies: badResponseBodies({ wrong: () => WRONG }),
});
