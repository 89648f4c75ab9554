import type { Server } from '@cloud/openstack-compute';
import { describe, expect, it } from '@jest/globals';
import { splitAddresses } from '../src/providers/compute.js';
import { normalizeServerStatus, providerStatusesOf } from '../src/providers/models.js';

const server = (fields: Partial<Server>): Server => ({ addresses: {}, ...fields }) as Server;

describe('normalizeServerStatus', () => {
  it('maps Nova statuses to the neutral ones', () => {
    const cases: [string, string][] = [
      ['ACTIVE', 'RUNNING'],
      ['BUILD', 'PROVISIONING'],
      ['HARD_REBOOT', 'REBOOTING'],
      ['SHUTOFF', 'STOPPED'],
      ['SUSPENDED', 'STOPPED'],
      ['VERIFY_RESIZE', 'UPDATING'],
      ['ERROR', 'ERROR'],
      ['SOFT_DELETED', 'DELETED'],
      ['active', 'RUNNING'],
      ['SOMETHING_NEW', 'UNKNOWN'],
    ];
    expect(cases.map(([s]) => [s, normalizeServerStatus(s)])).toEqual(cases);
  });

  it('is inverted by providerStatusesOf, so waiting and reading agree', () => {
    expect(providerStatusesOf('RUNNING')).toEqual(['ACTIVE']);
    expect(providerStatusesOf('STOPPED')).toEqual(
      expect.arrayContaining(['SHUTOFF', 'PAUSED', 'SUSPENDED', 'SHELVED', 'SHELVED_OFFLOADED']),
    );
    for (const neutral of ['RUNNING', 'STOPPED', 'ERROR', 'PROVISIONING'] as const) {
      for (const s of providerStatusesOf(neutral)) expect(normalizeServerStatus(s)).toBe(neutral);
    }
  });
});

describe('splitAddresses', () => {
  it('puts floating IPs and the access IPs in public, fixed ones in private (OpenStack)', () => {
    const s = server({
      addresses: {
        tenant: [
          { address: '10.0.0.5', version: 4, type: 'fixed' },
          { address: '203.0.113.7', version: 4, type: 'floating' },
        ],
      },
      accessIPv6: '2001:db8::7',
    });
    expect(splitAddresses(s)).toEqual({ public: ['203.0.113.7', '2001:db8::7'], private: ['10.0.0.5'] });
  });

  it('reads Rackspace’s public and private (ServiceNet) networks', () => {
    const s = server({
      addresses: {
        public: [
          { address: '198.51.100.4', version: 4 },
          { address: '2001:db8::4', version: 6 },
        ],
        private: [{ address: '10.176.1.4', version: 4 }],
      },
      accessIPv4: '198.51.100.4',
    });
    expect(splitAddresses(s)).toEqual({ public: ['198.51.100.4', '2001:db8::4'], private: ['10.176.1.4'] });
  });
});
