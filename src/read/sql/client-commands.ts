// Lines in a SQL block that are commands to a client, not SQL: psql's meta-commands (`\i file`,
// `\d users`), SQL Server's `GO` batch separator (sqlcmd, SSMS), MySQL's `DELIMITER $$ … $$
// DELIMITER ;` around routines. Each is blanked out (same byte offsets) before parsing.

export interface ClientCommands {
  /** The block's text with the commands blanked out; each `GO` becomes the `;` it means. */
  text: string;
  /** psql meta-commands, kept as examples. */
  metaCommands: { text: string; start: number }[];
  /** The first `GO` line, reported once per block. */
  batchSeparator?: number;
  /** `DELIMITER` blocks: MySQL routines, left out. */
  delimiterBlocks: { start: number; end: number; routines: string[] }[];
}

const GO = /^\s*go(\s+\d+)?\s*;?\s*$/i;
const DELIMITER = /^\s*delimiter\s+(\S+)\s*$/i;

export function withoutClientCommands(content: string): ClientCommands {
  const result: ClientCommands = { text: content, metaCommands: [], delimiterBlocks: [] };
  if (!/\\|\bgo\b|\bdelimiter\b/i.test(content)) return result;
  let byte = 0;
  let open: { start: number; delimiter: string; routines: string[] } | undefined;
  const lines = content.split('\n').map((line) => {
    const start = byte;
    const length = Buffer.byteLength(line);
    byte += length + 1;
    const blank = ' '.repeat(length);
    const delimiter = DELIMITER.exec(line);
    if (open) {
      if (delimiter) {
        result.delimiterBlocks.push({ start: open.start, end: start + length, routines: open.routines });
        open = delimiter[1] === ';' ? undefined : { start, delimiter: delimiter[1]!, routines: [] };
      } else {
        const routine = /^\s*create\s+(?:definer\s*=\s*\S+\s+)?(trigger|procedure|function|event)\s+[`"]?([\w.]+)/i.exec(line);
        if (routine) open.routines.push(`${routine[1]!.toLowerCase()} ${routine[2]}`);
      }
      return blank;
    }
    if (delimiter && delimiter[1] !== ';') {
      open = { start, delimiter: delimiter[1]!, routines: [] };
      return blank;
    }
    if (delimiter) return blank;
    if (GO.test(line)) {
      result.batchSeparator ??= start + length - Buffer.byteLength(line.trimStart());
      return ';'.padEnd(length, ' ');
    }
    if (!line.trimStart().startsWith('\\')) return line;
    result.metaCommands.push({ text: line.trim(), start: start + length - Buffer.byteLength(line.trimStart()) });
    return blank;
  });
  // A DELIMITER never set back: everything after it is in the other delimiter.
  if (open) result.delimiterBlocks.push({ start: open.start, end: Buffer.byteLength(content), routines: open.routines });
  result.text = lines.join('\n');
  return result;
}
