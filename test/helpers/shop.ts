// Two versions of a small shop's document, and rows for version 1: the changes tests' pair.
// Version 2 renames the table and a column (declared), drops a column and adds one, changes two
// types, removes an enum value and adds one, changes the type of a column a view uses, changes
// a policy, adds an index, and makes a column that has rows NOT NULL.

export const V1 = `# Shop

\`\`\`sql
CREATE TYPE status AS ENUM ('new', 'paid', 'void');
CREATE TABLE customer (
  id integer PRIMARY KEY,
  email varchar(100) NOT NULL,
  nickname text,
  legacy text
);
CREATE TABLE orders (
  id integer PRIMARY KEY,
  customer_id integer REFERENCES customer (id),
  amount integer NOT NULL,
  status status NOT NULL DEFAULT 'new',
  note text
);
CREATE VIEW big_orders AS SELECT id, amount FROM orders WHERE amount > 100;
ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_orders ON orders FOR SELECT USING (customer_id > 0);
\`\`\`
`;

export const V2 = `# Shop

\`\`\`sql
CREATE TYPE status AS ENUM ('new', 'paid', 'shipped');
-- schemadoc: renamed from customer
CREATE TABLE client (
  id integer PRIMARY KEY,
  email text NOT NULL,
  display_name text, -- schemadoc: renamed from nickname
  joined date
);
CREATE TABLE orders (
  id integer PRIMARY KEY,
  customer_id integer REFERENCES client (id),
  amount numeric(12,2) NOT NULL,
  status status NOT NULL DEFAULT 'new',
  note text NOT NULL
);
CREATE INDEX orders_status_idx ON orders (status);
CREATE VIEW big_orders AS SELECT id, amount FROM orders WHERE amount > 100;
ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_orders ON orders FOR SELECT USING (customer_id > 1);
\`\`\`
`;

export const ROWS = `
INSERT INTO customer VALUES (1, 'ann@example.com', 'ann', 'L1'), (2, 'bob@example.com', NULL, 'L2');
INSERT INTO orders VALUES (10, 1, 150, 'new', 'first'), (11, 2, 50, 'paid', 'second');`;

/** The rows of the columns both versions have, in version 1's names. */
export const KEPT_V1 = `SELECT c.id, c.email, c.nickname AS name, o.id AS order_id, o.amount::int AS amount, o.status::text AS status, o.note
  FROM customer c JOIN orders o ON o.customer_id = c.id ORDER BY o.id`;
export const KEPT_V2 = `SELECT c.id, c.email, c.display_name AS name, o.id AS order_id, o.amount::int AS amount, o.status::text AS status, o.note
  FROM client c JOIN orders o ON o.customer_id = c.id ORDER BY o.id`;

