/** What each corpus scorer hands to the report. */
export interface Miss {
  file: string;
  text: string;
  speaker: string | null;
  /** 'indirect' for the seeds' reported speech; quotes otherwise. */
  kind: 'quote' | 'indirect';
}

export interface FalsePositive {
  file: string;
  text: string;
  kind: string;
}

export interface WrongSpeaker {
  file: string;
  text: string;
  gold: string;
  predicted: string | null;
}

export interface CorpusReport {
  corpus: 'seeds' | 'polnear';
  articles: number;
  gold: number;
  extracted: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  speaker: { correct: number; scored: number };
  /** Corpus-specific lines for under the table. */
  notes: string[];
  missed: Miss[];
  falsePositives: FalsePositive[];
  wrongSpeakers: WrongSpeaker[];
  /** The one-line summary the report ends with. */
  summary: string;
}
