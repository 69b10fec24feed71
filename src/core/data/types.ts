/** The three assessment tools. */
export type ToolId = 'IIT' | 'EIT' | 'OIT';

/** How sure we are of a rule: stated in a seed, recomputed from published numbers, or only inferred. */
export type Provenance = 'seed' | 'checked' | 'inferred';

export interface Indicator {
  readonly no: number;
  readonly name: string;
  readonly tool: ToolId;
}

export interface Tool {
  readonly id: ToolId;
  readonly name: string;
  /** Percent of the total. */
  readonly weight: number;
}

export interface LetterBand {
  /** Lowest total (rounded to 2 decimals) that earns the letter. */
  readonly min: number;
  readonly letter: string;
}

export interface LabelRule {
  readonly label: string;
  /** Lowest total (rounded to 2 decimals). */
  readonly minTotal: number;
  /** Lowest score that each tool must reach as well, when set. */
  readonly minEachTool?: number;
}

export type RatingScheme =
  | { readonly kind: 'letters'; readonly bands: readonly LetterBand[] }
  | { readonly kind: 'labels'; readonly rules: readonly LabelRule[] };

/** What is known of one OIT item beyond its code and title. */
export interface OitItemMeta {
  /** The title was not seen in any source: the name is a guess ("" when there is none). */
  readonly notSeen?: true;
  /** The fiscal year its evidence must cover: the assessment year, or the one before (ITA-METHOD.md §8). */
  readonly evidence?: 'current' | 'previous';
  /** Set when a source states `evidence` ("(previous FY)", "(current FY)"); otherwise it is inferred. */
  readonly evidenceStated?: true;
}

export type OitItemData = readonly [code: string, name: string, meta?: OitItemMeta];

export interface OitSubIndicator {
  readonly code: string; // "9.1"
  readonly name: string;
  /** Item codes, in order. */
  readonly items: readonly OitItemData[];
}

export interface OitList {
  /** complete: the whole list; partial: only the items seen in a seed, without sub-indicators. */
  readonly coverage: 'complete' | 'partial';
  /** How sure the items are. */
  readonly provenance: Provenance;
  /** How sure the grouping into sub-indicators and their names are. */
  readonly grouping: Provenance;
  /** Set when the list is another year's, standing in until the NACC publishes this year's. */
  readonly provisional?: { readonly basedOn: number };
  readonly subIndicators: readonly OitSubIndicator[];
}

/** Everything that varies by fiscal year. */
export interface Framework {
  /** Buddhist-Era fiscal year. */
  readonly year: number;
  readonly indicators: readonly Indicator[];
  readonly tools: readonly Tool[];
  readonly rating: RatingScheme;
  readonly passMark: number;
  /** Where each rule comes from (ITA-METHOD.md marks). */
  readonly provenance: {
    readonly weights: Provenance;
    readonly rating: Provenance;
  };
  /**
   * The NACC has published nothing for this year yet: its rules are those of
   * `basedOn`, the latest year known, until they are.
   */
  readonly provisional?: { readonly basedOn: number };
}

/** What an indicator measures and what a unit usually fixes when it scores low, as a report prints them. */
export interface IndicatorExplanation {
  /** One or two sentences. */
  readonly measures: string;
  /** Two to four short items. */
  readonly issues: readonly string[];
}

/** Explanations of the ten indicators and the fiscal years (Buddhist Era) they apply to. */
export interface ExplanationSet {
  /** Ranges of years; one without `to` runs on through every later year. */
  readonly years: readonly { readonly from: number; readonly to?: number }[];
  readonly byIndicator: Readonly<Record<number, IndicatorExplanation>>;
}
