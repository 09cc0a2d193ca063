/** One entry point for every command, whichever platform it came from. */
import { handleClaims } from './claims.js';
import { handleFeedAdd, handleFeedRemove } from './feeds.js';
import { handleActors, handleFeeds, handleHelp } from './info.js';
import { handleMute, handleMutes, handleUnmute } from './mutes.js';
import { handleQuery } from './query.js';
import { handleList, handleSubscribe, handleUnsubscribe } from './subscriptions.js';
import type { Command, CommandContext, Reply } from './types.js';

export async function handleCommand(command: Command, ctx: CommandContext): Promise<Reply> {
  switch (command.kind) {
    case 'query':
      return handleQuery(command, ctx);
    case 'claims':
      return handleClaims(command, ctx);
    case 'subscribe':
      return handleSubscribe(command, ctx);
    case 'unsubscribe':
      return handleUnsubscribe(command, ctx);
    case 'list':
      return handleList(ctx);
    case 'mute':
      return handleMute(command, ctx);
    case 'unmute':
      return handleUnmute(command, ctx);
    case 'mutes':
      return handleMutes(ctx);
    case 'actors':
      return handleActors(ctx.watchlist);
    case 'feeds':
      return handleFeeds(ctx);
    case 'feed-add':
      return handleFeedAdd(command.url, ctx);
    case 'feed-remove':
      return handleFeedRemove(command.id, ctx);
    case 'help':
      return handleHelp();
    case 'invalid':
      return { text: command.message, ephemeral: true };
  }
}
