// The settings file: defaults fill what is left out, every problem is named with file, key and
// line in one go, and `statements config check` says so with a non-zero exit.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { checkConfig, loadConfig, parseConfig, PROJECT_ROOT } from '../../src/config/index.js';
import { StatementsError } from '../../src/errors.js';
import { memoryIo } from '../helpers/memory-io.js';

const dir = mkdtempSync(join(tmpdir(), 'statements-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BAD = `schedule: "every minute"
feeds:
  - id: wire
    url: https://news.example/rss.xml
  - id: wire
    url: 42
    intervalMinutes: 0
colour: blue
`;

describe('config', () => {
  it('loads the bundled default: the sample feed as a file URL, SQLite under the project, defaults filled', () => {
    const { config, feeds, sqlitePath } = loadConfig({});
    expect(feeds).toEqual([expect.objectContaining({ id: 'sample', url: expect.stringMatching(/^file:.*samples\/feed\.xml$/), alertNewestOnFirstPoll: 10, maxAgeHours: 0 })]);
    expect(sqlitePath).toBe(join(PROJECT_ROOT, 'data', 'statements.db'));
    expect(config.fetch.maxRedirects).toBe(5);
    expect(parseConfig('feeds: []\n', 'min.yaml', {}).config).toMatchObject({ schedule: '* * * * *', alerts: { maxQuotes: 3 }, deliveries: { maxAttempts: 8 } });
  });

  it('lets STATEMENTS_DB choose the SQLite file', () => {
    expect(loadConfig({ STATEMENTS_DB: '/var/lib/statements.db' }).sqlitePath).toBe('/var/lib/statements.db');
  });

  it('names every problem with file, key and line, all at once', () => {
    let error: unknown;
    try {
      parseConfig(BAD, 'bad.yaml', {});
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(StatementsError);
    const message = (error as StatementsError).message;
    expect(message).toContain('5 problems in bad.yaml');
    expect(message).toMatch(/bad\.yaml: schedule: not a valid cron expression.*\(line 1\)/);
    expect(message).toMatch(/bad\.yaml: feeds\[1\] \(id "wire"\)\.id: duplicate id "wire".*\(line 5\)/);
    expect(message).toMatch(/feeds\[1\] \(id "wire"\)\.url: .*\(line 6\)/);
    expect(message).toMatch(/feeds\[1\] \(id "wire"\)\.intervalMinutes: .*\(line 7\)/);
    expect(message).toMatch(/Unrecognized key: "colour" \(line 8\)/);
  });

  it('config check lists the problems and exits 1; a missing file says which and what to do', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, BAD);
    expect(checkConfig({ STATEMENTS_CONFIG: file })).toHaveLength(5);
    expect(checkConfig({ STATEMENTS_CONFIG: join(dir, 'nope.yaml') })).toEqual([expect.stringMatching(/cannot read the config file .*nope\.yaml: ENOENT; set STATEMENTS_CONFIG/)]);

    const previous = process.env.STATEMENTS_CONFIG;
    process.env.STATEMENTS_CONFIG = file;
    try {
      const run = memoryIo();
      expect(await runCli(['config', 'check'], run.io)).toBe(1);
      expect(run.stderr()).toContain('duplicate id "wire"');
    } finally {
      if (previous === undefined) delete process.env.STATEMENTS_CONFIG;
      else process.env.STATEMENTS_CONFIG = previous;
    }
    const ok = memoryIo();
    expect(await runCli(['config', 'check'], ok.io)).toBe(0);
    expect(ok.stdout()).toBe('config: OK\n');
  });
});
