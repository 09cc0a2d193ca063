import type { Alert } from '../../src/model/index.js';

/** An alert as the pipeline builds it: a direct quote with speaker and role, and reported speech. */
export const sampleAlert: Alert = {
  key: 'k',
  title: 'NATO sees no withdrawal',
  outlet: 'Local Wire',
  url: 'https://news.example/1',
  published: Date.UTC(2022, 1, 16, 12, 5),
  lead: ['NATO said on Wednesday it saw no sign of a pullback.'],
  actors: ['NATO', 'Jens Stoltenberg'],
  keywords: ['troop withdrawal'],
  quotes: [
    { quote: 'We have not seen any de-escalation on the ground', speaker: 'Jens Stoltenberg', role: 'NATO Secretary General', kind: 'direct' },
    { quote: 'Russia was pulling troops back', speaker: 'Kremlin', role: null, kind: 'indirect' },
  ],
};
