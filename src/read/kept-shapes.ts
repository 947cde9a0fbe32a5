// V8 forgets a hidden class (a "map") once no object of it is left, and with it throws away
// every optimized function compiled against it. A process that reads document after
// document (a watcher, an editor, the benchmark) collects all of one reading's objects
// between two documents, and then reads the next one with much of its code deoptimized
// (a fifth slower, measured after a full collection). The reading of a small, ordinary
// document (parser states and parse trees included) is kept for the life of the process,
// so that the common shapes outlive every document.
import MarkdownIt from 'markdown-it';
import { readMarkdown } from './markdown.js';
import { parseSql } from './sql/parser.js';
import { BlockSourceMap } from './source-map.js';
import { readSqlBlocks } from './sql/blocks.js';

/** What is read and kept: a document as people write them, its SQL in more than one block. */
export const SAMPLE_DOCUMENT = `# Shop

Orders and the people who place them.

## Tables

### customer

| column | type | notes |
|--------|------|-------|
| id | uuid | primary key |

- email is unique

\`\`\`sql
CREATE TYPE order_status AS ENUM ('placed', 'shipped');

CREATE TABLE customer (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email varchar(320) NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);
\`\`\`

### purchase

\`\`\`sql
CREATE TABLE purchase (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    customer_id bigint NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    status order_status NOT NULL DEFAULT 'placed',
    total numeric(12, 2) NOT NULL DEFAULT 0 CHECK (total >= 0),
    kind text NOT NULL CHECK (kind IN ('web', 'shop')),
    tags text[] NOT NULL DEFAULT '{}',
    details jsonb NOT NULL DEFAULT '{}'::jsonb,
    placed_at timestamptz,
    CONSTRAINT purchase_kind_key UNIQUE (kind, placed_at)
);

CREATE INDEX purchase_customer_id_idx ON purchase (customer_id);
CREATE INDEX purchase_placed_at_idx ON purchase (placed_at DESC) WHERE status = 'placed';
CREATE INDEX purchase_details_idx ON purchase USING gin (details);
CREATE VIEW recent_purchase AS SELECT id, total FROM purchase WHERE placed_at > now() - interval '1 day';
COMMENT ON TABLE purchase IS 'One order';
\`\`\`
`;

let kept: unknown[] | undefined;

/**
 * Reads the sample once and keeps what it made. Called after a real reading: the code is
 * compiled by then, and the sample costs a few milliseconds instead of forty.
 */
export function keepShapes(): void {
  if (kept) return;
  // markdown-it's state and token classes are shared by every instance.
  const markdownIt = new MarkdownIt();
  const markdown = readMarkdown(SAMPLE_DOCUMENT);
  const sql = readSqlBlocks(markdown.blocks, 'sample.md');
  const sourceMap = BlockSourceMap.of(SAMPLE_DOCUMENT, 'sample.md', 1, 0);
  kept = [
    new markdownIt.core.State(SAMPLE_DOCUMENT, markdownIt, {}),
    new markdownIt.block.State(SAMPLE_DOCUMENT, markdownIt, {}, []),
    markdownIt.parse(SAMPLE_DOCUMENT, {}),
    markdown,
    markdown.blocks.map((block) => parseSql(block.content)),
    sql,
    // As the worker thread hands its readings over.
    JSON.parse(JSON.stringify(sql)),
    sourceMap,
    sourceMap.from(1),
    sourceMap.position(0),
    sourceMap.span(0, 1),
  ];
}
