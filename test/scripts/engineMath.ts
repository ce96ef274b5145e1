/**
 * Finds uses of the JavaScript engine's own elementary functions (Math.exp, Math.log,
 * Math.pow, **, Math.sin, ...) in code. ECMAScript leaves their rounding to each engine,
 * and V8 builds differ in the last bits (Node 20 and Chromium 156 disagreed on about 10%
 * of exp results), so a layer that computes results must use src/special's versions,
 * built from correctly rounded operations only. Math.sqrt, abs, floor and the arithmetic
 * operators are exact everywhere and allowed; so is `2 ** n`, which every engine
 * computes exactly. Read through TypeScript's parser, so comments, strings and regular
 * expressions never count.
 */
import ts from 'typescript';

const ENGINE_MATH = new Set(
  'exp expm1 log log1p log2 log10 pow sin cos tan asin acos atan atan2 sinh cosh tanh asinh acosh atanh cbrt hypot'.split(
    ' ',
  ),
);

/** Each use, as "line N: Math.exp" or "line N: x ** y". */
export function engineMathUses(text: string, fileName = 'file.ts'): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const uses: string[] = [];
  const at = (node: ts.Node) =>
    `line ${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (
      ts.isPropertyAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'Math' &&
      ENGINE_MATH.has(node.name.text)
    ) {
      uses.push(`${at(node)}: Math.${node.name.text}`);
    }
    if (
      ts.isBinaryExpression(node) &&
      (node.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskToken ||
        node.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskEqualsToken) &&
      !(ts.isNumericLiteral(node.left) && node.left.text === '2')
    ) {
      uses.push(`${at(node)}: ${node.getText(source)} (only 2 ** n is exact; use pow)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses;
}
