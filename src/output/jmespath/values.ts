// What a JMESPath expression evaluates to: PyValues, and `&expr` references (jmespath.py's _Expression).
import type { PyObject, PyValue } from '../../py/values';
import type { Node } from './parser';

let made = 0;

/** How many `&expr` values have been made (a result needs checking for them only when some were). */
export const exprRefsMade = (): number => made;

/** An `&expr` value (Python's _Expression): an expression and the interpreter that evaluates it. */
export class ExprRef implements PyObject {
  readonly pyTypeName = '_Expression';
  constructor(readonly node: Node, private readonly interpret: (node: Node, value: JValue) => JValue) {
    made++;
  }

  /** The expression evaluated against `value`. */
  visit(value: JValue): JValue {
    return this.interpret(this.node, value);
  }

  pyRepr(): string {
    return '<jmespath.visitor._Expression object at 0x7f0000000000>';
  }
}

export type JValue = PyValue | ExprRef;
