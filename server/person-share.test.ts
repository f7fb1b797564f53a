import { describe, expect, it } from 'vitest';
import { ManualClock } from '../src/lib/bulk/manual-clock.ts';
import type { ChatProxyHandler } from './chat-proxy.ts';
import { CallGovernor } from './operations/call-governor.ts';
import { forwardInTurn } from './person-share.ts';

describe('forwardInTurn', () => {
  it("holds one person to half of an endpoint's budget, and leaves the other half to others", async () => {
    const clock = new ManualClock();
    const governor = new CallGovernor({ callsPerSecond: 4, clock, guardMs: 0 });
    const forwarded: string[] = [];
    const forward: ChatProxyHandler = (request, rawTarget) => {
      forwarded.push(`${String(clock.now())} ${rawTarget}`);
      return Promise.resolve(new Response('{}'));
    };
    const inTurn = forwardInTurn(governor, forward);
    const read = (person: string) =>
      inTurn(new Request('http://server.test/'), `/api/chat/thread/t-${person}/users?limit=50`, person);
    const ann = [read('ann'), read('ann'), read('ann')];
    await read('bob');
    await clock.run(Promise.all(ann));
    expect(forwarded.sort()).toEqual([
      '0 /api/chat/thread/t-ann/users?limit=50',
      '0 /api/chat/thread/t-ann/users?limit=50',
      '0 /api/chat/thread/t-bob/users?limit=50',
      '1000 /api/chat/thread/t-ann/users?limit=50',
    ]);
  });

  it('sends a call the proxy refuses straight to it, spending no turn', async () => {
    const governor = new CallGovernor({ callsPerSecond: 1, clock: new ManualClock() });
    const forward: ChatProxyHandler = () => Promise.resolve(new Response('refused', { status: 404 }));
    const answer = await forwardInTurn(governor, forward)(
      new Request('http://server.test/'),
      '/api/admin',
      'ann',
    );
    expect(await answer.text()).toBe('refused');
  });
});
