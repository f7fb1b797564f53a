import { describe, expect, it } from 'vitest';
import { parseSession } from './session.ts';

const remote = {
  backend: 'agora',
  host: 'https://a1.easemob.com',
  org: 'org1',
  app: 'app1',
  auth: 'none',
  user: { name: 'local', role: 'moderator' },
};

describe('parseSession', () => {
  it.each([
    ['easemob-client', 'Easemob'],
    ['app-certificate', 'Agora Chat'],
    ['app-token', 'Agora Chat'],
  ])('names the vendor of a project whose credentials are %s: %s', (credential, vendor) => {
    expect(parseSession({ ...remote, credential })).toMatchObject({ backend: 'agora', vendor });
  });
});
