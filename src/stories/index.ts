/** Stories: the same news from several outlets is one story, heard of once per channel. */
export { DEFAULT_CLUSTER, matchStory, storyMember, type ClusterOptions, type StoryMatch, type StoryMember } from './cluster.js';
export { quoteKey, SIGNATURE_SLOTS, signatureBands, similarity, storySignature, titleKey } from './signature.js';
