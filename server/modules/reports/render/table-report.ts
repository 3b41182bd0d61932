/** A column of a report table; numeric columns are right-aligned and summed nowhere but in the data. */
export interface TableColumn {
  header: string;
  /** Width on paper in points, or '*' to share the rest. */
  width: number | '*';
  numeric?: boolean;
}

/** One titled table of a report. */
export interface TableSection {
  title: string;
  /** Name of the sheet in the workbook (at most 31 characters). */
  sheet: string;
  columns: TableColumn[];
  rows: (string | number | null)[][];
  /** A last row in bold (totals). */
  total?: (string | number | null)[];
  note?: string;
}

/** A report as printed: the organ header, a title, a period line, then its tables. Plain data. */
export interface TableReport {
  organName: string;
  unitName: string;
  title: string;
  subtitle: string;
  printedAt: string;
  orientation: 'portrait' | 'landscape';
  sections: TableSection[];
}
