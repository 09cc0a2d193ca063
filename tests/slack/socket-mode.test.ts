// Socket Mode (SLACK_APP_TOKEN set): the real Bolt app opens its connection through the fake's
// apps.connections.open (so SLACK_API_URL reaches the socket client too), receives a slash
// command envelope and acknowledges it on the socket with the answer.
import { expect, it } from 'vitest';
import { startChatAdapters } from '../../src/app.js';
import { openTestApp } from '../helpers/chat-app.js';
import { eventually } from '../helpers/eventually.js';
import { FAKE_APP_TOKEN, FAKE_BOT_TOKEN, FAKE_TEAM, startFakeSlack } from '../helpers/fake-slack.js';

it('answers /statements over Socket Mode, with no HTTP endpoint', async () => {
  const fake = await startFakeSlack();
  const { app, close } = await openTestApp({ SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_APP_TOKEN: FAKE_APP_TOKEN, SLACK_API_URL: fake.apiUrl });
  const chat = await startChatAdapters(app, { port: 0, host: '127.0.0.1' });
  try {
    expect(chat.slackPort).toBeNull();
    expect(fake.calls.filter((c) => c.method === 'apps.connections.open').map((c) => c.authorization)).toEqual([`Bearer ${FAKE_APP_TOKEN}`]);
    await fake.sendEnvelope({
      envelope_id: 'env-1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: { command: '/statements', text: 'help', team_id: FAKE_TEAM, channel_id: 'C0NEWS', user_id: 'U0ANALYST', user_name: 'analyst', response_url: 'http://127.0.0.1:9/unused', trigger_id: '1.2.3', api_app_id: 'A0TEST', token: 'legacy', team_domain: 'test', channel_name: 'news' },
    });
    const ack = await eventually(() => fake.socketFrames.find((f) => f.envelope_id === 'env-1'), 5_000, 'the acknowledgement on the socket');
    expect(JSON.stringify(ack.payload)).toContain('subscribe nato');
    expect(ack.payload).toMatchObject({ response_type: 'ephemeral' });
  } finally {
    await chat.stop();
    await close();
    await fake.close();
  }
});
