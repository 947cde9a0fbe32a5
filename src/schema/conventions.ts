// Name patterns as documents state them (`ix_{table}_{column(s)}`, `idx_<table>_<column>`),
// in one form: `{table}` and `{columns}`.

/** `<table>` and `{table_name}` → `{table}`; `{column(s)}`, `{column}`, `{col}` → `{columns}`. */
export function normalizePattern(pattern: string): string {
  return pattern
    .replace(/<([a-z_()0-9]+)>/gi, '{$1}')
    .replace(/\{(table_?name|table|tbl|entity)\}/gi, '{table}')
    .replace(/\{(column_?names?|column\(s\)|columns?|cols?|fields?)\}/gi, '{columns}');
}

/** The name a pattern gives an object of `table` over `columns`. */
export function expandPattern(pattern: string, table: string, columns: string[]): string {
  return normalizePattern(pattern).replace(/\{table\}/g, table).replace(/\{columns\}/g, columns.join('_'));
}
