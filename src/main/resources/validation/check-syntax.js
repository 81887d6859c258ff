'use strict';
// SpawnAI's JavaScript syntax check. Reads [{p: path, s: source, m: mode, o: lineOffset}] as JSON from stdin and
// writes the problems as one JSON line after a marker. It only compiles (vm.Script, vm.compileFunction,
// vm.SourceTextModule); nothing of the checked code runs. mode: "commonjs", "module", "script" or "auto" (CommonJS,
// else an ES module).
const vm = require('node:vm');
const fs = require('node:fs');

let acorn = null;
try {
  // Node's bundled parser, reachable with --expose-internals; used only to find the line of an ES module error
  acorn = require('internal/deps/acorn/acorn/dist/acorn');
} catch {
  acorn = null;
}

const CJS_PARAMETERS = ['exports', 'require', 'module', '__filename', '__dirname'];
const USES_MODULE_SYNTAX = /^\s*(?:import\s*[\w{*'"]|export\s)/m;

function compile(kind, source, filename, lineOffset) {
  try {
    if (kind === 'module') {
      new vm.SourceTextModule(source, { identifier: filename, lineOffset });
    } else if (kind === 'script') {
      new vm.Script(source, { filename, lineOffset });
    } else {
      vm.compileFunction(source, CJS_PARAMETERS, { filename, lineOffset });
    }
    return null;
  } catch (err) {
    return err;
  }
}

function lineOf(err, kind, source, filename, lineOffset) {
  const first = String((err && err.stack) || '').split('\n')[0];
  const m = /:(\d+)$/.exec(first);
  if (m && first.startsWith(filename + ':')) {
    return Number(m[1]);
  }
  if (acorn) {
    try {
      acorn.parse(source, {
        ecmaVersion: 'latest',
        sourceType: kind === 'module' ? 'module' : 'script',
        allowHashBang: true,
        allowReturnOutsideFunction: kind === 'commonjs',
        allowAwaitOutsideFunction: kind === 'module',
      });
    } catch (e) {
      if (e && e.loc) {
        return e.loc.line + lineOffset;
      }
    }
  }
  return 0;
}

const files = JSON.parse(fs.readFileSync(0, 'utf8'));
const problems = [];
for (const f of files) {
  const source = f.s.startsWith('#!') ? '//' + f.s.slice(2) : f.s;
  const offset = f.o || 0;
  const kinds = f.m === 'auto' ? ['commonjs', 'module'] : [f.m];
  const errors = [];
  for (const kind of kinds) {
    const err = compile(kind, source, f.p, offset);
    if (!err) {
      errors.length = 0;
      break;
    }
    errors.push([kind, err]);
  }
  if (errors.length === 0) {
    continue;
  }
  let [kind, err] = errors[0];
  if (errors.length > 1 && USES_MODULE_SYNTAX.test(source)) {
    [kind, err] = errors[1];
  }
  if (!err || err.name !== 'SyntaxError') {
    problems.push({ p: f.p, line: 0, msg: String(err && err.message), skipped: true });
  } else {
    problems.push({ p: f.p, line: lineOf(err, kind, source, f.p, offset), msg: err.message });
  }
}
process.stdout.write('@@SPAWNAI-SYNTAX@@' + JSON.stringify(problems) + '\n');
