// The catalog queries of introspection: a fixed handful, each over every object of its kind in
// the schemas asked for (`$1`), never one per table. Objects an extension owns are left out: the
// extension makes them. Expressions are printed by PostgreSQL (`format_type`, `pg_get_expr`,
// `pg_get_*def`), so two databases that hold the same schema print the same text.

/** An object an extension made, by its catalog: `owned('pg_class', 'c.oid')`. */
const owned = (catalog: string, oid: string) =>
  `EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;

/** The comment on an object, by a join (a function call per row costs a lookup each). */
const described = (alias: string, catalog: string, oid: string, sub = '0') =>
  `LEFT JOIN pg_catalog.pg_description ${alias} ON ${alias}.objoid = ${oid} AND ${alias}.classoid = '${catalog}'::regclass AND ${alias}.objsubid = ${sub}`;

/** Relations of those schemas, of the kinds given, but what extensions own. */
const relations = (kinds: string) => `SELECT c.oid, c.relname, n.nspname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = ANY($1) AND c.relkind IN (${kinds})
    AND c.oid NOT IN (SELECT d.objid FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.deptype = 'e')`;

const names = (array: string, relation: string) =>
  `(SELECT json_agg(a.attname ORDER BY x.i) FROM unnest(${array}) WITH ORDINALITY x(n, i)
     JOIN pg_catalog.pg_attribute a ON a.attrelid = ${relation} AND a.attnum = x.n)`;

export const SCHEMAS = `
SELECT n.nspname AS name,
       -- The comment every database's public schema is made with is not the schema's.
       CASE WHEN n.nspname = 'public' AND ds.description = 'standard public schema' THEN NULL ELSE ds.description END AS comment
  FROM pg_catalog.pg_namespace n ${described('ds', 'pg_namespace', 'n.oid')}
 WHERE n.nspname = ANY($1) AND NOT ${owned('pg_namespace', 'n.oid')}
 ORDER BY 1`;

/** The schemas a database holds, but PostgreSQL's own. */
export const USER_SCHEMAS = `
SELECT n.nspname AS name FROM pg_catalog.pg_namespace n
 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg\\_temp\\_%'
   AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%' AND NOT ${owned('pg_namespace', 'n.oid')}
 ORDER BY 1`;

export const EXTENSIONS = `
SELECT e.extname AS name, n.nspname AS schema, e.extversion AS version
  FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
 WHERE e.extname <> 'plpgsql'
 ORDER BY 1`;

/** Tables, partitioned tables, views and materialized views. */
export const RELATIONS = `
SELECT n.nspname AS schema, c.relname AS name, c.relkind::text AS kind,
       c.relrowsecurity AS rls, c.relforcerowsecurity AS force_rls, c.relpersistence = 'u' AS unlogged,
       CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_by,
       CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS bound,
       (SELECT json_agg(json_build_array(pn.nspname, pc.relname) ORDER BY i.inhseqno)
          FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent
          JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace WHERE i.inhrelid = c.oid) AS parents,
       CASE WHEN c.relkind IN ('v', 'm') THEN pg_catalog.pg_get_viewdef(c.oid, true) END AS query,
       ds.description AS comment
  FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace ${described('ds', 'pg_class', 'c.oid')}
 WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'p', 'v', 'm') AND NOT ${owned('pg_class', 'c.oid')}
 ORDER BY 1, 2`;

/** The columns of those tables and views, in their order. */
export const COLUMNS = `
WITH r AS (${relations("'r', 'p', 'v', 'm'")})
SELECT r.nspname AS schema, r.relname AS table, a.attnum AS number, a.attname AS name,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
       CASE WHEN t.typcategory = 'A' THEN et.typname ELSE t.typname END AS type_name,
       CASE WHEN t.typcategory = 'A' THEN etn.nspname ELSE tn.nspname END AS type_schema,
       CASE WHEN t.typcategory = 'A' THEN greatest(a.attndims, 1) ELSE 0 END AS dimensions,
       a.attnotnull AS not_null,
       CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END AS "default",
       CASE WHEN a.attgenerated <> '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END AS generated,
       a.attidentity::text AS identity, a.attislocal AS local,
       CASE WHEN a.attcollation <> t.typcollation AND a.attcollation <> 0 THEN
         (SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN '' ELSE cn.nspname || '.' END || co.collname
            FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END AS collation,
       ds.description AS comment
  FROM r JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid
  JOIN pg_catalog.pg_type t ON t.oid = a.atttypid JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace
  LEFT JOIN pg_catalog.pg_type et ON et.oid = t.typelem LEFT JOIN pg_catalog.pg_namespace etn ON etn.oid = et.typnamespace
  LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
  ${described('ds', 'pg_class', 'r.oid', 'a.attnum')}
 WHERE a.attnum > 0 AND NOT a.attisdropped
`;

/**
 * Table constraints. Keys come as column numbers (named from COLUMNS); PostgreSQL prints the
 * definition only of those that schemadoc does not spell as it would (checks, exclusions, keys
 * with storage options): printing costs a catalog lookup per constraint. A foreign key to a
 * partitioned table has a copy for each partition it references, on the same table:
 * PostgreSQL's bookkeeping, not the schema's.
 */
export const CONSTRAINTS = `
WITH r AS (${relations("'r', 'p'")})
SELECT r.nspname AS schema, r.relname AS table, k.conname AS name, k.contype::text AS kind,
       CASE WHEN k.contype IN ('c', 'x') OR ic.reloptions IS NOT NULL OR ic.reltablespace <> 0 OR %SET_COLUMNS%
            THEN pg_catalog.pg_get_constraintdef(k.oid, true) END AS definition,
       array_to_json(k.conkey) AS keys, array_to_json(ix.indkey::int2[]) AS index_keys, ix.indnkeyatts AS key_count,
       fn.nspname AS ref_schema, fc.relname AS ref_table, array_to_json(k.confkey) AS ref_keys,
       CASE WHEN k.contype = 'f' AND NOT fn.nspname = ANY($1) THEN ${names('k.confkey', 'k.confrelid')} END AS ref_columns,
       k.confdeltype::text AS on_delete, k.confupdtype::text AS on_update, k.confmatchtype::text AS match,
       CASE WHEN k.contype = 'c' THEN pg_catalog.pg_get_expr(k.conbin, k.conrelid) END AS expression,
       k.condeferrable AS deferrable, k.condeferred AS deferred, k.convalidated AS validated, k.conislocal AS local,
       %NULLS_NOT_DISTINCT% AS nulls_not_distinct, ds.description AS comment
  FROM pg_catalog.pg_constraint k JOIN r ON r.oid = k.conrelid
  LEFT JOIN pg_catalog.pg_class fc ON fc.oid = k.confrelid LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
  LEFT JOIN pg_catalog.pg_index ix ON ix.indexrelid = k.conindid AND k.contype IN ('p', 'u')
  LEFT JOIN pg_catalog.pg_class ic ON ic.oid = ix.indexrelid
  ${described('ds', 'pg_constraint', 'k.oid')}
 WHERE k.contype IN ('p', 'u', 'f', 'c', 'x')
   AND NOT (k.conparentid <> 0 AND k.conrelid = (SELECT p.conrelid FROM pg_catalog.pg_constraint p WHERE p.oid = k.conparentid))
 ORDER BY 1, 2, 3`;

/**
 * Indexes but those of constraints, and but a partitioned index's copies on the partitions.
 * As for constraints, PostgreSQL prints only the definitions schemadoc would not spell alike:
 * expressions, operator classes or collations of their own, storage options, partitioned tables.
 * The tests are of arrays against sets found once, not a lookup per index: an index on a table
 * with a collated column is printed whatever its collation (both sides of a comparison alike).
 */
export const INDEXES = `
WITH r AS (${relations("'r', 'p', 'm'")}),
-- Tables with a column of a collation of its own, where an index's default collation is a choice.
collated AS (SELECT a.attrelid FROM pg_catalog.pg_attribute a JOIN r ON r.oid = a.attrelid WHERE a.attcollation NOT IN (0, 100))
SELECT r.nspname AS schema, ic.relname AS name, r.relname AS table, am.amname AS method, i.indisunique AS unique,
       CASE WHEN i.indexprs IS NOT NULL OR ic.reloptions IS NOT NULL OR ic.reltablespace <> 0 OR ic.relkind = 'I'
              OR NOT i.indclass::oid[] <@ (SELECT array_agg(o.oid) FROM pg_catalog.pg_opclass o WHERE o.opcdefault)
              OR NOT i.indcollation::oid[] <@ ARRAY[0, 100]::oid[] OR i.indrelid IN (SELECT attrelid FROM collated)
            THEN pg_catalog.pg_get_indexdef(i.indexrelid) END AS definition,
       array_to_json(i.indkey::int2[]) AS keys, array_to_json(i.indoption::int2[]) AS options, i.indnkeyatts AS key_count,
       CASE WHEN i.indexprs IS NOT NULL THEN
         (SELECT json_agg(pg_catalog.pg_get_indexdef(i.indexrelid, k, true) ORDER BY k) FROM generate_series(1, i.indnatts) k) END AS key_texts,
       pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS "where",
       %NULLS_NOT_DISTINCT% AS nulls_not_distinct, ds.description AS comment
  FROM pg_catalog.pg_index i JOIN r ON r.oid = i.indrelid
  JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid JOIN pg_catalog.pg_am am ON am.oid = ic.relam
  LEFT JOIN pg_catalog.pg_index ix ON ix.indexrelid = i.indexrelid
  ${described('ds', 'pg_class', 'i.indexrelid')}
 WHERE NOT ic.relispartition
   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))
 ORDER BY 1, 2`;

/** Enums, domains, composite and range types. */
export const TYPES = `
SELECT n.nspname AS schema, t.typname AS name, t.typtype::text AS kind,
       CASE WHEN t.typtype = 'e' THEN (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid) END AS labels,
       CASE WHEN t.typtype = 'd' THEN pg_catalog.format_type(t.typbasetype, t.typtypmod) END AS base,
       CASE WHEN t.typtype = 'd' THEN (SELECT json_build_array(coalesce(e.typname, b.typname), coalesce(en.nspname, bn.nspname), CASE WHEN e.oid IS NULL THEN 0 ELSE 1 END)
          FROM pg_catalog.pg_type b JOIN pg_catalog.pg_namespace bn ON bn.oid = b.typnamespace
          LEFT JOIN pg_catalog.pg_type e ON b.typcategory = 'A' AND e.oid = b.typelem LEFT JOIN pg_catalog.pg_namespace en ON en.oid = e.typnamespace
         WHERE b.oid = t.typbasetype) END AS base_type,
       t.typnotnull AS not_null, t.typdefault AS "default",
       CASE WHEN t.typtype = 'd' THEN (SELECT json_agg(json_build_array(k.conname, pg_catalog.pg_get_constraintdef(k.oid, true)) ORDER BY k.conname)
          FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c') END AS checks,
       CASE WHEN t.typtype = 'c' THEN (SELECT json_agg(json_build_array(a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)) ORDER BY a.attnum)
          FROM pg_catalog.pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) END AS attributes,
       CASE WHEN t.typtype = 'r' THEN (SELECT pg_catalog.format_type(r.rngsubtype, NULL) FROM pg_catalog.pg_range r WHERE r.rngtypid = t.oid) END AS subtype,
       pg_catalog.obj_description(t.oid, 'pg_type') AS comment
  FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
 WHERE n.nspname = ANY($1) AND NOT ${owned('pg_type', 't.oid')}
   AND (t.typtype IN ('e', 'd', 'r') OR t.typtype = 'c' AND (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid) = 'c')
 ORDER BY 1, 2`;

/** Sequences but those of identity columns (the column is their definition); OWNED BY where a column owns one. */
export const SEQUENCES = `
SELECT n.nspname AS schema, c.relname AS name, pg_catalog.format_type(s.seqtypid, NULL) AS type,
       s.seqstart::text AS start, s.seqincrement::text AS increment, s.seqmin::text AS min, s.seqmax::text AS max,
       s.seqcache::text AS cache, s.seqcycle AS cycle,
       (SELECT json_build_array(tn.nspname, tc.relname, a.attname) FROM pg_catalog.pg_depend d
          JOIN pg_catalog.pg_class tc ON tc.oid = d.refobjid JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
          JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
         WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a') AS owned_by,
       pg_catalog.obj_description(c.oid, 'pg_class') AS comment
  FROM pg_catalog.pg_sequence s JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = ANY($1) AND NOT ${owned('pg_class', 'c.oid')}
   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'i')
 ORDER BY 1, 2`;

/** Functions and procedures, but a range type's constructors, which the type makes (aggregates: AGGREGATES). */
export const FUNCTIONS = `
SELECT n.nspname AS schema, p.proname AS name, p.prokind::text AS kind, l.lanname AS language,
       pg_catalog.oidvectortypes(p.proargtypes) AS argument_types,
       pg_catalog.pg_get_functiondef(p.oid) AS definition,
       pg_catalog.obj_description(p.oid, 'pg_proc') AS comment
  FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace JOIN pg_catalog.pg_language l ON l.oid = p.prolang
 WHERE n.nspname = ANY($1) AND p.prokind IN ('f', 'p') AND NOT ${owned('pg_proc', 'p.oid')}
   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'i')
 ORDER BY 1, 2, 5`;

/**
 * Aggregates of the common form (a state function, its type, and perhaps a final and a
 * combine function and an initial value), with their definition; the others are listed as not
 * modelled.
 */
const SIMPLE_AGGREGATE = `a.aggkind = 'n' AND a.aggmtransfn = 0 AND a.aggserialfn = 0 AND a.aggsortop = 0 AND NOT a.aggfinalextra`;

export const AGGREGATES = `
SELECT n.nspname AS schema, p.proname AS name, pg_catalog.oidvectortypes(p.proargtypes) AS argument_types,
       'CREATE AGGREGATE ' || pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(p.proname)
         || '(' || CASE WHEN p.pronargs = 0 THEN '*' ELSE pg_catalog.pg_get_function_arguments(p.oid) END || ') (SFUNC = ' || a.aggtransfn::regproc::text
         || ', STYPE = ' || pg_catalog.format_type(a.aggtranstype, NULL)
         || CASE WHEN a.aggfinalfn <> 0 THEN ', FINALFUNC = ' || a.aggfinalfn::regproc::text ELSE '' END
         || CASE WHEN a.aggcombinefn <> 0 THEN ', COMBINEFUNC = ' || a.aggcombinefn::regproc::text ELSE '' END
         || CASE WHEN a.agginitval IS NOT NULL THEN ', INITCOND = ' || pg_catalog.quote_literal(a.agginitval) ELSE '' END
         || CASE p.proparallel WHEN 's' THEN ', PARALLEL = SAFE' WHEN 'r' THEN ', PARALLEL = RESTRICTED' ELSE '' END || ')' AS definition,
       ds.description AS comment
  FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
  ${described('ds', 'pg_proc', 'p.oid')}
 WHERE n.nspname = ANY($1) AND p.prokind = 'a' AND ${SIMPLE_AGGREGATE} AND NOT ${owned('pg_proc', 'p.oid')}
 ORDER BY 1, 2, 3`;

/** Triggers the schema made (not those of foreign keys, nor a partitioned table's copies on its partitions). */
export const TRIGGERS = `
SELECT n.nspname AS schema, c.relname AS table, t.tgname AS name, pg_catalog.pg_get_triggerdef(t.oid, true) AS definition,
       fn.nspname AS function_schema, p.proname AS function,
       pg_catalog.obj_description(t.oid, 'pg_trigger') AS comment
  FROM pg_catalog.pg_trigger t
  JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_catalog.pg_proc p ON p.oid = t.tgfoid JOIN pg_catalog.pg_namespace fn ON fn.oid = p.pronamespace
 WHERE n.nspname = ANY($1) AND NOT t.tgisinternal AND t.tgparentid = 0 AND NOT ${owned('pg_class', 'c.oid')}
 ORDER BY 1, 2, 3`;

export const POLICIES = `
SELECT n.nspname AS schema, c.relname AS table, p.polname AS name, p.polcmd::text AS command, p.polpermissive AS permissive,
       CASE WHEN p.polroles = '{0}' THEN '["public"]'::json
            ELSE (SELECT json_agg(r.rolname ORDER BY r.rolname) FROM pg_catalog.pg_roles r WHERE r.oid = ANY(p.polroles)) END AS roles,
       pg_catalog.pg_get_expr(p.polqual, p.polrelid, true) AS using,
       pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid, true) AS with_check,
       pg_catalog.obj_description(p.oid, 'pg_policy') AS comment
  FROM pg_catalog.pg_policy p JOIN pg_catalog.pg_class c ON c.oid = p.polrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = ANY($1)
 ORDER BY 1, 2, 3`;

/**
 * What objects need made before them, where the order of their kinds does not already give it:
 * a view uses another view or a function, a default, check or index expression calls a
 * function, an aggregate its state function, a domain or composite type another type. As ObjectKeys (`relation:public.v`,
 * `function:public.slugify`, `type:public.mood`). Only objects users made (oid ≥ 16384) count.
 */
export const DEPENDENCIES = `
WITH d AS MATERIALIZED (
  SELECT d.classid, d.objid, d.refclassid, d.refobjid FROM pg_catalog.pg_depend d
   WHERE d.deptype = 'n' AND d.objid >= 16384 AND d.refobjid >= 16384
     AND d.classid IN ('pg_rewrite'::regclass, 'pg_attrdef'::regclass, 'pg_constraint'::regclass, 'pg_class'::regclass, 'pg_type'::regclass, 'pg_proc'::regclass)),
required AS MATERIALIZED (
  SELECT d.classid, d.objid, 'relation:' || n.nspname || '.' || c.relname AS requires
    FROM d JOIN pg_catalog.pg_class c ON d.refclassid = 'pg_class'::regclass AND c.oid = d.refobjid AND c.relkind IN ('v', 'm', 'r', 'p')
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  UNION ALL
  SELECT d.classid, d.objid, 'function:' || n.nspname || '.' || p.proname
    FROM d JOIN pg_catalog.pg_proc p ON d.refclassid = 'pg_proc'::regclass AND p.oid = d.refobjid JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
  UNION ALL
  SELECT d.classid, d.objid, 'type:' || n.nspname || '.' || t.typname
    FROM d JOIN pg_catalog.pg_type t ON d.refclassid = 'pg_type'::regclass AND t.oid = d.refobjid AND t.typtype IN ('d', 'c', 'r', 'e')
    JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace),
keyed AS (
  SELECT 'relation:' || n.nspname || '.' || c.relname AS key, r.requires FROM required r
    JOIN pg_catalog.pg_rewrite w ON r.classid = 'pg_rewrite'::regclass AND w.oid = r.objid
    JOIN pg_catalog.pg_class c ON c.oid = w.ev_class JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  UNION ALL
  SELECT 'relation:' || n.nspname || '.' || c.relname, r.requires FROM required r
    JOIN pg_catalog.pg_attrdef a ON r.classid = 'pg_attrdef'::regclass AND a.oid = r.objid
    JOIN pg_catalog.pg_class c ON c.oid = a.adrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  UNION ALL
  SELECT CASE WHEN k.contypid <> 0 THEN 'type:' || n.nspname || '.' || t.typname ELSE 'relation:' || n.nspname || '.' || c.relname END, r.requires FROM required r
    JOIN pg_catalog.pg_constraint k ON r.classid = 'pg_constraint'::regclass AND k.oid = r.objid AND k.contype <> 'f'
    LEFT JOIN pg_catalog.pg_class c ON c.oid = k.conrelid LEFT JOIN pg_catalog.pg_type t ON t.oid = k.contypid
    JOIN pg_catalog.pg_namespace n ON n.oid = coalesce(c.relnamespace, t.typnamespace)
  UNION ALL
  SELECT 'relation:' || n.nspname || '.' || c.relname, r.requires FROM required r
    JOIN pg_catalog.pg_class c ON r.classid = 'pg_class'::regclass AND c.oid = r.objid AND c.relkind IN ('i', 'I')
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  UNION ALL
  SELECT 'function:' || n.nspname || '.' || p.proname, r.requires FROM required r
    JOIN pg_catalog.pg_proc p ON r.classid = 'pg_proc'::regclass AND p.oid = r.objid JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
  UNION ALL
  SELECT 'type:' || n.nspname || '.' || t.typname, r.requires FROM required r
    JOIN pg_catalog.pg_type t ON r.classid = 'pg_type'::regclass AND t.oid = r.objid AND t.typtype IN ('d', 'c', 'r')
    JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace)
SELECT DISTINCT key, requires FROM keyed WHERE key <> requires`;

/** Collations made in those schemas; the ICU (or builtin) locale is in collcollate before PostgreSQL 15. */
export const COLLATIONS = `
SELECT n.nspname AS schema, c.collname AS name, c.collprovider::text AS provider, c.collcollate AS "collate", c.collctype AS ctype,
       %COLLATION_LOCALE% AS locale, c.collisdeterministic AS deterministic, ds.description AS comment
  FROM pg_catalog.pg_collation c JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace
  ${described('ds', 'pg_collation', 'c.oid')}
 WHERE n.nspname = ANY($1) AND NOT ${owned('pg_collation', 'c.oid')}
 ORDER BY 1, 2`;

/** `PUBLIC` or the role's name. */
const grantee = (oid: string) => `CASE ${oid} WHEN 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(${oid}) END`;

/**
 * Privileges granted to roles other than the owner, one row each: on relations (where any were
 * granted), on functions and procedures (from their default, PUBLIC EXECUTE, when none were),
 * and on schemas. MAINTAIN (PostgreSQL 17, part of GRANT ALL there) is left out: the same GRANT
 * gives it on one version and not on another. The object's name comes in parts, quoted by the
 * model as everywhere else (servers quote the words their own grammar reserves: 15 writes json,
 * 17 "json").
 */
export const PRIVILEGES = `
SELECT CASE WHEN c.relkind = 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS kind, n.nspname AS schema, c.relname AS name, NULL AS arguments,
       'relation:' || n.nspname || '.' || c.relname AS requires, ${grantee('a.grantee')} AS grantee, a.privilege_type AS privilege, a.is_grantable AS grantable
  FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace CROSS JOIN LATERAL pg_catalog.aclexplode(c.relacl) a
 WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND c.relacl IS NOT NULL AND a.grantee <> c.relowner AND NOT ${owned('pg_class', 'c.oid')}
   AND a.privilege_type <> 'MAINTAIN'
UNION ALL
SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, n.nspname, p.proname, pg_catalog.oidvectortypes(p.proargtypes),
       'function:' || n.nspname || '.' || p.proname, ${grantee('a.grantee')}, a.privilege_type, a.is_grantable
  FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
 CROSS JOIN LATERAL pg_catalog.aclexplode(coalesce(p.proacl, pg_catalog.acldefault('f', p.proowner))) a
 WHERE n.nspname = ANY($1) AND p.prokind IN ('f', 'p') AND a.grantee <> p.proowner AND NOT ${owned('pg_proc', 'p.oid')}
UNION ALL
SELECT 'SCHEMA', n.nspname, NULL, NULL, 'schema:' || n.nspname, ${grantee('a.grantee')}, a.privilege_type, a.is_grantable
  FROM pg_catalog.pg_namespace n CROSS JOIN LATERAL pg_catalog.aclexplode(n.nspacl) a
 WHERE n.nspname = ANY($1) AND n.nspacl IS NOT NULL AND a.grantee <> n.nspowner AND NOT ${owned('pg_namespace', 'n.oid')}
ORDER BY 2, 3, 4, 6, 7`;

/**
 * What the model does not hold, named so that nothing is dropped in silence: in those schemas
 * (or database-wide, for kinds that belong to no schema), but what extensions own.
 */
export const UNMODELLED = `
SELECT 'foreign table' AS kind, n.nspname || '.' || c.relname AS name FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = ANY($1) AND c.relkind = 'f' AND NOT ${owned('pg_class', 'c.oid')}
UNION ALL SELECT CASE p.prokind WHEN 'a' THEN 'aggregate' ELSE 'window function' END, n.nspname || '.' || p.proname
  FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace LEFT JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid
 WHERE n.nspname = ANY($1) AND p.prokind IN ('a', 'w') AND NOT (p.prokind = 'a' AND ${SIMPLE_AGGREGATE}) AND NOT ${owned('pg_proc', 'p.oid')}
UNION ALL SELECT 'rule', n.nspname || '.' || c.relname || '.' || r.rulename FROM pg_catalog.pg_rewrite r
  JOIN pg_catalog.pg_class c ON c.oid = r.ev_class JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = ANY($1) AND r.rulename <> '_RETURN' AND NOT ${owned('pg_class', 'c.oid')}
UNION ALL SELECT 'operator', n.nspname || '.' || o.oprname FROM pg_catalog.pg_operator o JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
 WHERE n.nspname = ANY($1) AND NOT ${owned('pg_operator', 'o.oid')}
UNION ALL SELECT 'text search configuration', n.nspname || '.' || t.cfgname FROM pg_catalog.pg_ts_config t JOIN pg_catalog.pg_namespace n ON n.oid = t.cfgnamespace
 WHERE n.nspname = ANY($1) AND NOT ${owned('pg_ts_config', 't.oid')}
UNION ALL SELECT 'text search dictionary', n.nspname || '.' || t.dictname FROM pg_catalog.pg_ts_dict t JOIN pg_catalog.pg_namespace n ON n.oid = t.dictnamespace
 WHERE n.nspname = ANY($1) AND NOT ${owned('pg_ts_dict', 't.oid')}
UNION ALL SELECT 'statistics object', n.nspname || '.' || s.stxname FROM pg_catalog.pg_statistic_ext s JOIN pg_catalog.pg_namespace n ON n.oid = s.stxnamespace
 WHERE n.nspname = ANY($1)
UNION ALL SELECT 'base type', n.nspname || '.' || t.typname FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
 WHERE n.nspname = ANY($1) AND t.typtype IN ('b', 'p') AND t.typcategory <> 'A' AND NOT ${owned('pg_type', 't.oid')}
UNION ALL SELECT 'operator class', n.nspname || '.' || o.opcname FROM pg_catalog.pg_opclass o JOIN pg_catalog.pg_namespace n ON n.oid = o.opcnamespace
 WHERE n.nspname = ANY($1) AND NOT ${owned('pg_opclass', 'o.oid')}
UNION ALL SELECT 'event trigger', e.evtname FROM pg_catalog.pg_event_trigger e WHERE NOT ${owned('pg_event_trigger', 'e.oid')}
UNION ALL SELECT 'publication', p.pubname FROM pg_catalog.pg_publication p
UNION ALL SELECT 'foreign data wrapper', w.fdwname FROM pg_catalog.pg_foreign_data_wrapper w WHERE NOT ${owned('pg_foreign_data_wrapper', 'w.oid')}
UNION ALL SELECT 'foreign server', s.srvname FROM pg_catalog.pg_foreign_server s WHERE NOT ${owned('pg_foreign_server', 's.oid')}
UNION ALL SELECT 'column privileges', n.nspname || '.' || c.relname || '.' || a.attname FROM pg_catalog.pg_attribute a
  JOIN pg_catalog.pg_class c ON c.oid = a.attrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = ANY($1) AND a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped AND NOT ${owned('pg_class', 'c.oid')}
ORDER BY 1, 2`;

/** `indnullsnotdistinct`, `confdelsetcols` (ON DELETE SET NULL (columns)) and `colliculocale` came with PostgreSQL 15; 17 renamed the last `colllocale`. */
export function forVersion(sql: string, versionNumber: number): string {
  const since15 = versionNumber >= 150000;
  return sql.replace(/%NULLS_NOT_DISTINCT%/g, since15 ? 'coalesce(ix.indnullsnotdistinct, false)' : 'false')
    .replace(/%SET_COLUMNS%/g, since15 ? 'k.confdelsetcols IS NOT NULL' : 'false')
    .replace(/%COLLATION_LOCALE%/g, versionNumber >= 170000 ? 'c.colllocale' : since15 ? 'c.colliculocale' : 'NULL');
}

/** The queries introspection runs, by what they read. */
export const QUERIES = {
  schemas: SCHEMAS, extensions: EXTENSIONS, relations: RELATIONS, columns: COLUMNS, constraints: CONSTRAINTS, indexes: INDEXES,
  types: TYPES, collations: COLLATIONS, sequences: SEQUENCES, functions: FUNCTIONS, aggregates: AGGREGATES, triggers: TRIGGERS, policies: POLICIES, privileges: PRIVILEGES, unmodelled: UNMODELLED,
  dependencies: DEPENDENCIES,
};
