/**
 * What `statements run` serves: the chat adapters, and /healthz and /metrics on PORT (on Slack's
 * HTTP server when Slack runs over HTTP, which holds PORT; on our own otherwise, console mode
 * included). Health is the store answering a ping plus each configured chat adapter being
 * connected.
 */
import type { ClientOptions } from 'discord.js';
import { startChatAdapters, type App, type ChatAdapters } from '../app.js';
import { StatementsError } from '../errors.js';
import { checkHealth, type HealthCheck, type HealthReport } from './health.js';
import { opsRoutes, startHttpServer, type HttpServer } from './server.js';

export interface Serving {
  /** Where Slack's `/slack/events` listens; null when Slack is off or in Socket Mode. */
  slackPort: number | null;
  /** Where /healthz and /metrics answer; null when the default port was taken (see startServing). */
  httpPort: number | null;
  /** Stops the chat adapters and the HTTP server. */
  stop(): Promise<void>;
}

/**
 * `port` and `host` override PORT and the default of every interface (tests: 0 and 127.0.0.1);
 * `discordClient` adds discord.js options (tests).
 */
export async function startServing(app: App, listen: { port?: number; host?: string; discordClient?: Partial<ClientOptions> } = {}): Promise<Serving> {
  let chat: ChatAdapters | null = null;
  const adapter = (platform: 'slack' | 'discord'): HealthCheck => () => {
    const unready = chat?.unready[platform];
    const reason = unready === undefined ? 'still starting' : unready();
    if (reason !== null) throw new Error(reason);
  };
  const health = (): Promise<HealthReport> =>
    checkHealth({
      store: () => app.store.ping(),
      slack: app.chat.slack === null ? null : adapter('slack'),
      discord: app.chat.discord === null ? null : adapter('discord'),
    });
  const routes = opsRoutes({ health, metrics: app.metrics, log: app.log });
  const port = listen.port ?? app.chat.port;
  chat = await startChatAdapters(app, { ...listen, routes });
  let http: HttpServer | null = null;
  if (chat.slackPort === null) {
    try {
      http = await startHttpServer(routes, port, listen.host);
    } catch (err) {
      const code = err instanceof Error && 'code' in err ? String(err.code) : '';
      // `npm start` beside something else on 3000 still runs: only an explicit PORT must be had.
      if (code === 'EADDRINUSE' && !app.chat.portSet && listen.port === undefined) {
        app.log.log('warn', `port ${port} is in use, so /healthz and /metrics are off; set PORT to a free port to serve them`, { port });
        return { slackPort: null, httpPort: null, stop: () => chat?.stop() ?? Promise.resolve() };
      }
      const why = code === 'EADDRINUSE' ? `port ${port} is in use` : code === 'EACCES' ? `port ${port} needs privileges` : err instanceof Error ? err.message : String(err);
      await chat.stop(); // a half-started bot must not keep the process alive
      throw new StatementsError('ops', 'HTTP_LISTEN', `could not serve /healthz and /metrics: ${why}; set PORT to a free port (0 picks one)`, { cause: err });
    }
  }
  const httpPort = chat.slackPort ?? http?.port ?? port;
  app.log.log('info', `HTTP: /healthz and /metrics on port ${httpPort}`, { port: httpPort });
  const started = chat;
  return {
    slackPort: chat.slackPort,
    httpPort,
    stop: async () => {
      await started.stop();
      await http?.close();
    },
  };
}
