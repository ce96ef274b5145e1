/** What a story section says, as data: the report renders it, the playground may too. */
export interface SmallTable {
  caption: string;
  head: string[];
  rows: string[][];
}

export interface StoryText {
  /** Three to five sentences computed from the run's numbers. */
  sentences: string[];
  /** The one thing to remember, or null when the run's numbers cannot support it. */
  takeaway: string | null;
  /** A small table the sentences refer to, if any. */
  table?: SmallTable;
}
