// The CLI's flag parsing: defaults, env fallbacks, and clear errors that name the bad flag.
import { describe, expect, it } from 'vitest';
import { DEFAULT_DB_FILE, parseCliArgs } from './cli-options.ts';

describe('parseCliArgs', () => {
  it('has sensible defaults', () => {
    expect(parseCliArgs([], {})).toEqual({
      kind: 'run',
      settings: {
        port: 8090,
        host: '127.0.0.1',
        db: DEFAULT_DB_FILE,
        org: 'demo',
        app: 'moderation',
        appId: undefined,
        appCertificate: undefined,
        clientId: undefined,
        clientSecret: undefined,
        rateLimit: 100,
        latency: null,
        faultRate: 0,
        seed: 'demo',
        control: false,
        variants: { addOutsider: 'forbidden-op', addMember: 'noop', cursor: 'stable', deletePath: 'both' },
      },
    });
  });

  it('reads the API variants from flags and their environment fallbacks', () => {
    const result = parseCliArgs(['--add-outsider', 'not-in-group', '--cursor', 'offset'], {
      EMULATOR_ADD_MEMBER: 'error',
      EMULATOR_DELETE_PATH: 'singular',
      EMULATOR_CURSOR: 'stable',
    });
    expect(result).toMatchObject({
      settings: {
        variants: {
          addOutsider: 'not-in-group',
          addMember: 'error',
          cursor: 'offset',
          deletePath: 'singular',
        },
      },
    });
    expect(parseCliArgs(['--add-outsider', 'drop'], {})).toEqual({
      kind: 'error',
      message: '--add-outsider: expected forbidden-op, not-in-group or skip, got "drop"',
    });
  });

  it('reads flags, and environment variables when a flag is absent', () => {
    const result = parseCliArgs(
      [
        '--port',
        '0',
        '--db',
        ':memory:',
        '--rate-limit',
        'off',
        '--latency',
        '20-80',
        '--fault-rate',
        '0.1',
        '--control',
      ],
      { EMULATOR_SEED: 'none', EMULATOR_PORT: '9999', EMULATOR_APP_ID: 'A'.repeat(32) },
    );
    expect(result).toMatchObject({
      kind: 'run',
      settings: {
        port: 0,
        db: ':memory:',
        rateLimit: null,
        latency: { minMs: 20, maxMs: 80 },
        faultRate: 0.1,
        seed: 'none',
        control: true,
        appId: 'A'.repeat(32),
      },
    });
    expect(parseCliArgs([], { EMULATOR_LATENCY: 'realistic' })).toMatchObject({
      settings: { latency: 'realistic' },
    });
    expect(parseCliArgs(['--latency', '50'], {})).toMatchObject({
      settings: { latency: { minMs: 50, maxMs: 50 } },
    });
  });

  it.each([
    [['--port', 'http'], '--port'],
    [['--rate-limit', '0'], '--rate-limit'],
    [['--latency', '90-10'], '--latency'],
    [['--fault-rate', '1.5'], '--fault-rate'],
    [['--seed', 'all'], '--seed'],
    [['--org', 'a/b'], '--org'],
    [['--app-id', 'xyz'], '--app-id'],
    [['--app-certificate', 'secret-value'], '--app-certificate'],
    [['--client-secret', 'secret-value!'], '--client-secret'],
    [['--client-id', 'short'], '--client-id'],
    [['--verbose'], '--verbose'],
    [['--port'], '--port'],
    [['--add-member', 'ignore'], '--add-member'],
    [['--cursor', 'seq'], '--cursor'],
    [['--delete-path', 'plurals'], '--delete-path'],
  ])('reports %j naming %s', (argv, flag) => {
    const result = parseCliArgs(argv, {});
    expect(result.kind).toBe('error');
    expect(result.kind === 'error' ? result.message : '').toContain(flag);
    // Credentials are never echoed.
    expect(result.kind === 'error' ? result.message : '').not.toContain('secret-value');
  });

  it('recognises --help', () => {
    expect(parseCliArgs(['--help'], {})).toEqual({ kind: 'help' });
  });
});
