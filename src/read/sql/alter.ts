// ALTER TABLE, ALTER … RENAME and ALTER TYPE … ADD VALUE → what they change in the model.
import type { QualifiedName, Span } from '../../schema/model.js';
import type { Fragment, ObjectTarget } from '../fragment.js';
import { expression, listName, rangeVarName, sql, typeRef, type Node } from './ast.js';
import { readColumn, readConstraint } from './table.js';
import type { SpanSource } from '../source-map.js';

export interface AlterReading {
  fragments: Fragment[];
  /** Every command is in the fragments: the model can write the statement again. */
  modeled: boolean;
}

/** ALTER TABLE's commands; those the model does not hold (OWNER TO, SET STORAGE …) only make `modeled` false. */
export function readAlterTable(stmt: Node, at: SpanSource, span: Span): AlterReading {
  const reading: AlterReading = { fragments: [], modeled: stmt.objtype === 'OBJECT_TABLE' };
  if (stmt.objtype !== 'OBJECT_TABLE') return reading;
  const table: QualifiedName = rangeVarName(stmt.relation);
  const { fragments } = reading;
  for (const { AlterTableCmd: cmd } of stmt.cmds ?? []) {
    switch (cmd.subtype) {
      case 'AT_AddConstraint':
        fragments.push({ kind: 'add-constraint', table, constraint: readConstraint(cmd.def.Constraint, [], at), ...(stmt.relation.inh ? {} : { only: true }) });
        break;
      case 'AT_AddColumn': {
        const { column, constraints } = readColumn(cmd.def.ColumnDef, at);
        fragments.push({ kind: 'add-column', table, column });
        for (const constraint of constraints) fragments.push({ kind: 'add-constraint', table, constraint });
        break;
      }
      case 'AT_ColumnDefault':
        fragments.push({ kind: 'alter-column', table, column: cmd.name, default: cmd.def ? expression(cmd.def)! : null, span });
        break;
      case 'AT_SetNotNull':
      case 'AT_DropNotNull':
        fragments.push({ kind: 'alter-column', table, column: cmd.name, notNull: cmd.subtype === 'AT_SetNotNull', span });
        break;
      case 'AT_AlterColumnType':
        fragments.push({ kind: 'alter-column', table, column: cmd.name, type: typeRef(cmd.def.ColumnDef.typeName), span });
        break;
      case 'AT_AddIdentity':
        fragments.push({ kind: 'alter-column', table, column: cmd.name, identity: cmd.def.Constraint.generated_when === 'a' ? 'always' : 'by default', notNull: true, span });
        break;
      case 'AT_DropIdentity':
        fragments.push({ kind: 'alter-column', table, column: cmd.name, identity: null, span });
        break;
      case 'AT_DropColumn':
        fragments.push({ kind: 'drop', target: { kind: 'column', name: { name: cmd.name }, on: table }, missingOk: Boolean(cmd.missing_ok), cascade: cmd.behavior === 'DROP_CASCADE', span });
        break;
      case 'AT_DropConstraint':
        fragments.push({ kind: 'drop', target: { kind: 'constraint', name: { name: cmd.name }, on: table }, missingOk: Boolean(cmd.missing_ok), cascade: cmd.behavior === 'DROP_CASCADE', span });
        break;
      case 'AT_AttachPartition':
        fragments.push({ kind: 'attach-partition', table, partition: rangeVarName(cmd.def.PartitionCmd.name), bound: partitionBound(cmd.def.PartitionCmd.bound), span });
        break;
      case 'AT_DetachPartition':
        fragments.push({ kind: 'detach-partition', table, partition: rangeVarName(cmd.def.PartitionCmd.name), span });
        break;
      case 'AT_EnableRowSecurity':
      case 'AT_DisableRowSecurity':
        fragments.push({ kind: 'row-level-security', table, enable: cmd.subtype === 'AT_EnableRowSecurity', span });
        break;
      case 'AT_ForceRowSecurity':
      case 'AT_NoForceRowSecurity':
        fragments.push({ kind: 'row-level-security', table, force: cmd.subtype === 'AT_ForceRowSecurity', span });
        break;
      default:
        // OWNER TO, SET STORAGE, REPLICA IDENTITY …: applied as written, not in the model.
        reading.modeled = false;
    }
  }
  return reading;
}

/** `FOR VALUES FROM (…) TO (…)`, `DEFAULT`: the deparser prints a bound only inside its statement. */
export function partitionBound(bound: Node): string {
  const printed = sql({ CreateStmt: { relation: { relname: 'x', inh: true, relpersistence: 'p' }, inhRelations: [{ RangeVar: { relname: 'y', inh: true, relpersistence: 'p' } }], partbound: bound } });
  const at = printed.search(/\b(FOR VALUES|DEFAULT)\b/);
  return at < 0 ? '' : printed.slice(at).trim();
}

const RENAMED: Record<string, ObjectTarget['kind']> = {
  OBJECT_TABLE: 'table', OBJECT_VIEW: 'view', OBJECT_MATVIEW: 'materialized view', OBJECT_INDEX: 'index', OBJECT_SEQUENCE: 'sequence',
  OBJECT_FOREIGN_TABLE: 'table', OBJECT_TYPE: 'type', OBJECT_DOMAIN: 'type', OBJECT_SCHEMA: 'schema', OBJECT_FUNCTION: 'function',
  OBJECT_PROCEDURE: 'function', OBJECT_COLUMN: 'column', OBJECT_TABCONSTRAINT: 'constraint', OBJECT_TRIGGER: 'trigger', OBJECT_POLICY: 'policy',
};

/** ALTER … RENAME: the object (or the column, constraint, trigger or policy of a table) and its new name. */
export function readRename(stmt: Node, span: Span): Fragment | undefined {
  const kind = RENAMED[stmt.renameType];
  if (!kind) return undefined;
  const relation = stmt.relation ? rangeVarName(stmt.relation) : undefined;
  let target: ObjectTarget;
  if (kind === 'column' || kind === 'constraint' || kind === 'trigger' || kind === 'policy') {
    if (!relation) return undefined;
    target = { kind, name: { name: stmt.subname }, on: relation };
  } else if (relation) target = { kind, name: relation };
  else if (kind === 'schema') target = { kind, name: { name: stmt.subname } };
  else if (kind === 'function') target = { kind, name: listName(stmt.object?.ObjectWithArgs?.objname) };
  else target = { kind, name: listName(stmt.object?.List?.items ?? stmt.object?.TypeName?.names) };
  return { kind: 'rename', target, to: stmt.newname, span };
}

/** ALTER TYPE … ADD VALUE / RENAME VALUE. */
export function readEnumValue(stmt: Node, span: Span): Fragment {
  const name = listName(stmt.typeName);
  if (stmt.oldVal) return { kind: 'enum-value', enum: name, value: stmt.newVal, renames: stmt.oldVal, span };
  const neighbour = stmt.newValNeighbor as string | undefined;
  return {
    kind: 'enum-value', enum: name, value: stmt.newVal, span,
    ...(neighbour === undefined ? {} : stmt.newValIsAfter ? { after: neighbour } : { before: neighbour }),
  };
}
