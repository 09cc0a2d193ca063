// The manifest users create the app from must declare what the app listens for and needs: the
// slash command it registers, exactly the scopes it uses, and a Socket Mode flag.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { SLASH_COMMAND } from '../../src/slack/app.js';
import { ROOT } from '../helpers/seeds.js';

const Manifest = z.object({
  features: z.object({ slash_commands: z.array(z.object({ command: z.string(), description: z.string().max(100), usage_hint: z.string().max(100).optional() })) }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
  settings: z.object({ socket_mode_enabled: z.boolean(), interactivity: z.object({ is_enabled: z.boolean() }) }),
});

describe('slack/manifest.yml', () => {
  it('declares the slash command the app answers, the two scopes it uses, and Socket Mode', () => {
    const manifest = Manifest.parse(parse(readFileSync(join(ROOT, 'slack', 'manifest.yml'), 'utf8')));
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([SLASH_COMMAND]);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['chat:write', 'commands']);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});
