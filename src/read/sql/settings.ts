// SET, RESET and `SELECT set_config('name', 'value', false)`: session settings that change
// what the statements after them mean (search_path above all), kept in the script's order.
import type { Span } from '../../schema/model.js';
import type { Fragment } from '../fragment.js';
import { strings, type Node } from './ast.js';

/** The setting a statement makes, or undefined when it makes none. */
export function readSetting(kind: string, node: Node, sql: string, span: Span): Extract<Fragment, { kind: 'setting' }> | undefined {
  if (kind === 'VariableSetStmt') {
    switch (node.kind) {
      case 'VAR_SET_VALUE': return { kind: 'setting', name: node.name, sql, value: settingValue(node.args), span };
      case 'VAR_SET_DEFAULT': case 'VAR_RESET': return { kind: 'setting', name: node.name, span };
      case 'VAR_RESET_ALL': return { kind: 'setting', name: 'all', span };
      // SET TRANSACTION …, SET LOCAL … FROM CURRENT: nothing that outlives the statement.
      default: return undefined;
    }
  }
  if (kind !== 'SelectStmt' || node.targetList?.length !== 1 || node.fromClause) return undefined;
  const call = node.targetList[0].ResTarget?.val?.FuncCall;
  const name = strings(call?.funcname);
  if (name[name.length - 1] !== 'set_config' || call.args?.length !== 3) return undefined;
  const [setting, value, local] = call.args.map((a: Node) => a.A_Const);
  if (typeof setting?.sval?.sval !== 'string' || typeof value?.sval?.sval !== 'string' || !local?.boolval || local.boolval.boolval) return undefined;
  return { kind: 'setting', name: setting.sval.sval.toLowerCase(), sql, value: value.sval.sval, span };
}

/** The value as set_config would take it: `"$user", "public"` (names quoted, as they were read). */
function settingValue(args: Node[] | undefined): string {
  return (args ?? []).map((a: Node) => {
    const constant = a.A_Const;
    if (constant?.sval) return `"${String(constant.sval.sval ?? '').replace(/"/g, '""')}"`;
    if (constant?.ival) return String(constant.ival.ival ?? 0);
    if (constant?.fval) return constant.fval.fval;
    if (constant?.boolval) return String(constant.boolval.boolval ?? false);
    return '';
  }).join(', ');
}

/** The schemas of a search_path value, in order: `"$user", public` → `['$user', 'public']`. */
export function searchPathSchemas(value: string): string[] {
  return (value.match(/"(?:[^"]|"")*"|[^,\s][^,]*/g) ?? [])
    .map((part) => part.trim())
    .map((part) => (part.startsWith('"') ? part.slice(1, -1).replace(/""/g, '"') : part.toLowerCase()))
    .filter((part) => part !== '');
}
