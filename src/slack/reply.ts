/**
 * A command reply as a Slack message: the handlers' light markdown (`**bold**`, `` `code` ``,
 * bullets, bare links) turned into mrkdwn, escaped (quotes in replies come from articles), and
 * split into sections within Slack's limits.
 */
import type { KnownBlock, SectionBlock } from '@slack/types';
import { escapeSlack, SLACK_LIMITS } from '../alerts/slack.js';
import type { Reply } from '../commands/index.js';

export interface SlackReply {
  response_type: 'ephemeral' | 'in_channel';
  text: string;
  blocks: KnownBlock[];
}

export function toMrkdwn(text: string): string {
  return escapeSlack(text).replace(/\*\*(.+?)\*\*/g, '*$1*');
}

export function slackReply(reply: Reply): SlackReply {
  const lines = toMrkdwn(reply.text).split('\n');
  const sections: string[] = [];
  let current = '';
  for (const raw of lines) {
    // A single line longer than a section (never written by the handlers) is cut, not refused.
    const line = raw.length > SLACK_LIMITS.section ? `${raw.slice(0, SLACK_LIMITS.section - 1).replace(/&[a-z]*$/, '')}…` : raw;
    if (current !== '' && current.length + 1 + line.length > SLACK_LIMITS.section) {
      sections.push(current);
      current = line;
    } else {
      current = current === '' ? line : `${current}\n${line}`;
    }
  }
  if (current !== '') sections.push(current);
  const blocks = sections.slice(0, SLACK_LIMITS.blocks).map((text): SectionBlock => ({ type: 'section', text: { type: 'mrkdwn', text } }));
  // The text is what notifications and screen readers get: the first line says what this is.
  const fallback = (lines[0] ?? '').slice(0, SLACK_LIMITS.fallback).replace(/&[a-z]*$/, '');
  return { response_type: reply.ephemeral ? 'ephemeral' : 'in_channel', text: fallback, blocks };
}
