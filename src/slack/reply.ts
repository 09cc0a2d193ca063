/**
 * A command reply as a Slack message: the handlers' light markdown (`**bold**`, `` `code` ``,
 * bullets, bare links) turned into mrkdwn, escaped (quotes in replies come from articles), and
 * split into sections within Slack's limits.
 */
import type { KnownBlock, SectionBlock } from '@slack/types';
import { truncate } from '../alerts/index.js';
import { escapeSlack, SLACK_LIMITS } from '../alerts/slack.js';
import { splitLines, type Reply } from '../commands/index.js';

export interface SlackReply {
  response_type: 'ephemeral' | 'in_channel';
  text: string;
  blocks: KnownBlock[];
}

export function toMrkdwn(text: string): string {
  return escapeSlack(text).replace(/\*\*(.+?)\*\*/g, '*$1*');
}

export function slackReply(reply: Reply): SlackReply {
  const text = toMrkdwn(reply.text);
  // A single line longer than a section (never written by the handlers) is cut, not refused.
  const sections = splitLines(text, SLACK_LIMITS.section, (line) => truncate(line, SLACK_LIMITS.section).replace(/&[a-z]*…$/, '…'));
  const blocks = sections.slice(0, SLACK_LIMITS.blocks).map((section): SectionBlock => ({ type: 'section', text: { type: 'mrkdwn', text: section } }));
  // The text is what notifications and screen readers get: the first line says what this is.
  const fallback = (text.split('\n')[0] ?? '').slice(0, SLACK_LIMITS.fallback).replace(/&[a-z]*$/, '');
  return { response_type: reply.ephemeral ? 'ephemeral' : 'in_channel', text: fallback, blocks };
}
