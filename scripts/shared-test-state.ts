/**
 * Finds the commonest way a test depends on another: a `let` of a describe block (or of the file)
 * that a test assigns, for later tests to read (issue #15, item 9; decision 0023). Hooks
 * (`before`, `beforeEach`, `prepare`) may assign them: that is how a suite gives each test what it
 * needs. A static scan, so it also catches a suite whose tests happen to pass alone today.
 */
import fs from 'node:fs';
import ts from 'typescript';

export type SharedAssignment = { file: string; line: number; name: string; test: string };

const TEST_CALLS = new Set(['test', 'it']);

function calleeName(node: ts.Node): string | undefined {
  if (!ts.isCallExpression(node)) return undefined;
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
    return callee.expression.text; // test.skip(…), it.only(…)
  }
  return undefined;
}

/** The names an assignment's left side writes: `a = …`, `[a, b] = …`, `({ a, b: c } = …)`. */
function assignedNames(target: ts.Node): ts.Identifier[] {
  if (ts.isIdentifier(target)) return [target];
  if (ts.isParenthesizedExpression(target)) return assignedNames(target.expression);
  if (ts.isArrayLiteralExpression(target)) return target.elements.flatMap(assignedNames);
  if (ts.isObjectLiteralExpression(target)) {
    return target.properties.flatMap((property) =>
      ts.isShorthandPropertyAssignment(property)
        ? [property.name]
        : ts.isPropertyAssignment(property)
          ? assignedNames(property.initializer)
          : [],
    );
  }
  return [];
}

/** The names a declaration binds: `let a`, `let [a, b]`, `let { a, b: c }`. */
function boundNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) =>
    ts.isOmittedExpression(element) ? [] : boundNames(element.name),
  );
}

export function sharedStateAssignments(file: string): SharedAssignment[] {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const found = new Map<string, SharedAssignment>();
  /** `outer`: the `let`s declared outside any test, by name; `inTest`: the enclosing test. */
  const visit = (
    node: ts.Node,
    outer: Map<string, number>,
    inTest?: string,
    local?: Set<string>,
  ) => {
    if (ts.isVariableDeclarationList(node) && node.flags & ts.NodeFlags.Let) {
      for (const declaration of node.declarations) {
        for (const name of boundNames(declaration.name)) {
          if (inTest) local?.add(name);
          else outer.set(name, lineOf(declaration));
        }
      }
    }
    const written: ts.Identifier[] = [];
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      node.operatorToken.kind <= ts.SyntaxKind.LastAssignment
    ) {
      written.push(...assignedNames(node.left));
    }
    if (
      (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
      ts.isIdentifier(node.operand) &&
      [ts.SyntaxKind.PlusPlusToken, ts.SyntaxKind.MinusMinusToken].includes(node.operator)
    ) {
      written.push(node.operand);
    }
    if (inTest) {
      for (const name of written) {
        if (!outer.has(name.text) || local?.has(name.text)) continue;
        const key = `${name.text}\n${inTest}`;
        if (!found.has(key)) {
          found.set(key, { file, line: outer.get(name.text)!, name: name.text, test: inTest });
        }
      }
    }
    const call = calleeName(node);
    if (!inTest && call && TEST_CALLS.has(call) && ts.isCallExpression(node)) {
      const [title] = node.arguments;
      const name = title && ts.isStringLiteralLike(title) ? title.text : title?.getText(source);
      ts.forEachChild(node, (child) => visit(child, outer, name ?? '?', new Set()));
      return;
    }
    ts.forEachChild(node, (child) => visit(child, outer, inTest, local));
  };
  visit(source, new Map());
  return [...found.values()];
}

export type SharedPage = { file: string; line: number };

/**
 * Browser suites whose tests share one page: a `browserSuite(…)` whose block does not also give
 * each test a page of its own (`pagePerTest(…)` in the same block). There a test may start from
 * the page, and the sign-in, an earlier test left; with a page per test it starts on a blank
 * page, so one that does not open its own page fails at once, even when it runs among the others.
 */
export function sharedPageSuites(file: string): SharedPage[] {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const calls = (statements: readonly ts.Statement[], name: string) =>
    statements.filter(
      (statement) =>
        ts.isExpressionStatement(statement) && calleeName(statement.expression) === name,
    );
  const found: SharedPage[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isBlock(node) || ts.isSourceFile(node)) {
      const suites = calls(node.statements, 'browserSuite');
      if (suites.length > 0 && calls(node.statements, 'pagePerTest').length === 0) {
        for (const suite of suites) {
          found.push({
            file,
            line: source.getLineAndCharacterOfPosition(suite.getStart()).line + 1,
          });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
