'use strict';
// SpawnAI: the `npm` of install commands in node sandboxes whose template has installed trees, which gives
// `npm install` a head start from them, then runs the real npm in this same process.
//
// The template's bin/npm runs it (install commands get that directory first on PATH); SPAWNAI_NPM_TREES names the
// trees directory. It finds the real npm further along PATH and does nothing else unless npm is to run `install`
// (or an alias) in a directory with a package.json and no node_modules. Then it copies into node_modules the
// template trees of the packages the install asks for (package.json's dependencies, and the packages named on
// the command line), each tree being what `npm install <spec>` made in an empty directory at template build. npm
// then starts from that tree as from any existing node_modules without a lockfile: it reads what is there, keeps what
// satisfies the request, fetches what is missing, replaces what is the wrong version and removes what is extraneous
// or omitted, so the result is what npm alone would give. No node_modules/.package-lock.json is written: npm would
// trust its dev/optional flags, which describe the template's project, not this one (an omitted devDependency would
// then stay on disk). Without it the seeded packages carry no integrity, so a package named on the command line,
// which npm resolves afresh, is unpacked once more from the cache ("changed 1 package"). Anything unexpected leaves
// node_modules absent and npm does the whole install itself.
//
// Why a PATH entry and not NODE_OPTIONS: a --require preload is resolved as if from the working directory, so node
// parses its package.json first and a broken one crashes node before npm can report it; --import avoids that but
// costs ~55 ms of cpu in every node process. This way only npm runs it, and starting it costs a few stat calls.
//
// Versions are matched with npm's own semver and npm-package-arg (from the real npm's node_modules).

const fs = require('fs');
const path = require('path');

const INSTALL = new Set(['install', 'i', 'add', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal',
  'isntall']);
// options after which npm does not install the usual tree into ./node_modules, or resolves differently
const UNSUPPORTED = /^(-g|--global|--location|--prefix|-C|--workspaces?|-w|--ws|--install-strategy|--global-style|--legacy-bundling|--dry-run|--package-lock-only|--before|--install-links)(=|$)/;

/** The real npm-cli.js: the first `npm` on PATH after this template's bin directory. */
function realNpm() {
  const own = path.join(__dirname, 'bin');
  for (const dir of (process.env.PATH || '').split(':')) {
    if (!dir || path.resolve(dir) === own) {
      continue;
    }
    let found;
    try {
      found = fs.realpathSync(path.join(dir, 'npm'));
    } catch (e) {
      continue; // not in this directory
    }
    if (!found.startsWith(__dirname + path.sep)) { // a link back to this npm would run it forever
      return found;
    }
  }
  return null;
}

function main() {
  const cli = realNpm();
  if (!cli) {
    process.stderr.write('spawnai: npm is not installed (no npm on PATH)\n');
    process.exit(127);
  }
  if (path.basename(cli) !== 'npm-cli.js') { // an npm we cannot load in this process: run it as it is
    const run = require('child_process').spawnSync(cli, process.argv.slice(2), { stdio: 'inherit' });
    if (run.signal) {
      process.kill(process.pid, run.signal);
    }
    process.exit(run.status === null ? 1 : run.status);
  }
  try {
    maybeSeed(cli, process.argv.slice(2));
  } catch (e) {
    process.stderr.write('spawnai: node_modules not seeded from the template: ' + e.message + '\n');
  }
  process.argv[1] = cli;
  require(cli);
}

function maybeSeed(cli, args) {
  const trees = process.env.SPAWNAI_NPM_TREES;
  const command = args.find(a => !a.startsWith('-'));
  if (!trees || !INSTALL.has(command) || args.some(a => UNSUPPORTED.test(a))) {
    return;
  }
  const cwd = process.cwd();
  removeStaleSeeds(cwd);
  if (!isFile(path.join(cwd, 'package.json')) || exists(path.join(cwd, 'node_modules'))) {
    return;
  }
  const npmRoot = path.dirname(path.dirname(cli));
  const specs = args.slice(args.indexOf(command) + 1).filter(a => !a.startsWith('-'));
  const omitDev = args.some(a => /^--(omit=dev|production|only=prod)/.test(a))
      || /(^|:)dev(:|$)/.test(process.env.npm_config_omit || '') || process.env.NODE_ENV === 'production';
  const started = Date.now();
  const tmp = path.join(cwd, '.node_modules.spawnai-' + process.pid);
  try {
    const seeded = seed(trees, cwd, tmp, specs, omitDev, require(path.join(npmRoot, 'node_modules', 'semver')),
        require(path.join(npmRoot, 'node_modules', 'npm-package-arg')));
    if (seeded) {
      process.stderr.write('spawnai: node_modules seeded from the node template (' + seeded.roots.join(', ') + '; '
          + seeded.packages + ' packages, ' + (Date.now() - started) + ' ms)\n');
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Removes what the seeding of an install that was killed left behind: .node_modules.spawnai-<pid> of a gone pid. */
function removeStaleSeeds(cwd) {
  for (const name of namesIn(cwd)) {
    const match = /^\.node_modules\.spawnai-(\d+)$/.exec(name);
    if (match && Number(match[1]) !== process.pid && !alive(Number(match[1]))) {
      fs.rmSync(path.join(cwd, name), { recursive: true, force: true });
    }
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/** The names in directory dir; none when it cannot be read. */
function namesIn(dir) {
  try {
    return fs.readdirSync(dir);
  } catch (e) {
    return [];
  }
}

function isFile(file) {
  try {
    return fs.lstatSync(file).isFile();
  } catch (e) {
    return false;
  }
}

function exists(file) {
  try {
    fs.lstatSync(file);
    return true;
  } catch (e) {
    return false;
  }
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** name -> what the install asks for: {range} or {latest: true}. */
function wanted(cwd, specs, omitDev, npa) {
  const pkg = readJson(path.join(cwd, 'package.json'));
  if (pkg.workspaces) {
    return null;
  }
  const want = new Map();
  const kinds = omitDev ? ['dependencies', 'optionalDependencies']
    : ['devDependencies', 'dependencies', 'optionalDependencies'];
  for (const kind of kinds) {
    for (const [name, range] of Object.entries(pkg[kind] || {})) {
      want.set(name, range);
    }
  }
  const lock = lockedVersions(cwd);
  const result = new Map();
  for (const [name, range] of want) {
    const locked = lock[name];
    addSpec(result, locked ? npa.resolve(name, locked) : safeNpa(() => npa.resolve(name, range)));
  }
  for (const spec of specs) {
    addSpec(result, safeNpa(() => npa(spec)));
  }
  return { pkg, want: result };
}

function safeNpa(parse) {
  try {
    return parse();
  } catch (e) {
    return null;
  }
}

function addSpec(result, parsed) {
  if (!parsed || !parsed.registry || !parsed.name) {
    return;
  }
  if (parsed.type === 'range' || parsed.type === 'version') {
    result.set(parsed.name, { range: parsed.fetchSpec });
  } else if (parsed.type === 'tag' && parsed.fetchSpec === 'latest') {
    result.set(parsed.name, { latest: true });
  } else {
    result.delete(parsed.name);
  }
}

/** Top-level versions pinned by the project's own lockfile, if it has one. */
function lockedVersions(cwd) {
  for (const file of ['npm-shrinkwrap.json', 'package-lock.json']) {
    if (isFile(path.join(cwd, file))) {
      const packages = readJson(path.join(cwd, file)).packages || {};
      const versions = {};
      for (const [key, entry] of Object.entries(packages)) {
        const name = key.startsWith('node_modules/') ? key.slice('node_modules/'.length) : null;
        if (name && !name.includes('/node_modules/') && entry.version && !entry.link) {
          versions[name] = entry.version;
        }
      }
      return versions;
    }
  }
  return {};
}

/** The template's trees: [{dir, root, version, lock}], lock read lazily. */
function listTrees(trees) {
  return fs.readdirSync(trees).map(entry => {
    const dir = path.join(trees, entry);
    const deps = Object.keys(readJson(path.join(dir, 'package.json')).dependencies || {});
    return deps.length === 1 ? { dir, root: deps[0] } : null;
  }).filter(Boolean);
}

function lockOf(tree) {
  if (!tree.lock) {
    tree.lock = readJson(path.join(tree.dir, 'node_modules', '.package-lock.json')).packages || {};
    const rootEntry = tree.lock['node_modules/' + tree.root];
    tree.version = rootEntry && rootEntry.version;
  }
  return tree.lock;
}

/** The top-level key of a lockfile key: node_modules/x or node_modules/@s/x. */
function topLevel(key) {
  const parts = key.split('/');
  return parts[1] && parts[1].startsWith('@') ? parts.slice(0, 3).join('/') : parts.slice(0, 2).join('/');
}

function choose(trees, want, semver) {
  const chosen = [];
  for (const [name, request] of want) {
    let best = null;
    for (const tree of trees) {
      if (tree.root !== name) {
        continue;
      }
      lockOf(tree);
      if (!tree.version || Object.values(tree.lock).some(e => e.hasInstallScript)) {
        continue; // its install scripts never ran in the template: let npm install it
      }
      const fits = request.latest || semver.satisfies(tree.version, request.range, { loose: true });
      if (fits && (!best || semver.gt(tree.version, best.version))) {
        best = tree;
      }
    }
    if (best) {
      chosen.push(best);
    }
  }
  return chosen.sort((a, b) => Object.keys(b.lock).length - Object.keys(a.lock).length);
}

function seed(treesDir, cwd, tmp, specs, omitDev, semver, npa) {
  const request = wanted(cwd, specs, omitDev, npa);
  if (!request || request.want.size === 0) {
    return null;
  }
  const chosen = choose(listTrees(treesDir), request.want, semver);
  if (chosen.length === 0) {
    return null;
  }
  // the requested packages themselves first, then each tree's other packages unless another tree placed one there
  const owner = new Map();
  for (const tree of chosen) {
    owner.set('node_modules/' + tree.root, tree);
  }
  for (const tree of chosen) {
    for (const key of Object.keys(tree.lock)) {
      const top = topLevel(key);
      if (!owner.has(top)) {
        owner.set(top, tree);
      }
    }
  }
  const into = tmp; // beside node_modules, moved there in one rename: npm sees all of it or none
  fs.mkdirSync(into);
  for (const tree of chosen) {
    const groups = new Map(); // destination directory -> sources
    for (const [top, from] of owner) {
      if (from === tree) {
        const rel = top.slice('node_modules/'.length);
        const dest = path.dirname(path.join(into, rel));
        if (!groups.has(dest)) {
          groups.set(dest, []);
        }
        groups.get(dest).push(path.join(tree.dir, 'node_modules', rel));
      }
    }
    for (const [dest, sources] of groups) {
      fs.mkdirSync(dest, { recursive: true });
      // cp keeps links as links and the executable bits; fs.cpSync took 2.5-3x as long for express's 611 files
      const cp = require('child_process').spawnSync('cp', ['-r', ...sources, dest], { stdio: ['ignore', 'ignore', 'pipe'] });
      if (cp.status !== 0) {
        throw new Error('cp failed: ' + String(cp.stderr || cp.error).trim());
      }
    }
    linkBins(tree, owner, into);
  }
  let packages = 0;
  for (const [top, tree] of owner) {
    packages += Object.keys(tree.lock).filter(key => key === top || key.startsWith(top + '/')).length;
  }
  fs.renameSync(into, path.join(cwd, 'node_modules'));
  return { roots: chosen.map(t => t.root + '@' + t.version), packages };
}

/** The tree's node_modules/.bin links whose package was copied from this tree. */
function linkBins(tree, owner, into) {
  const bin = path.join(tree.dir, 'node_modules', '.bin');
  for (const name of namesIn(bin)) {
    const target = fs.readlinkSync(path.join(bin, name));
    const key = topLevel(path.posix.join('node_modules', path.posix.normalize(path.posix.join('.bin', target))));
    if (owner.get(key) === tree) {
      fs.mkdirSync(path.join(into, '.bin'), { recursive: true });
      fs.symlinkSync(target, path.join(into, '.bin', name));
    }
  }
}

main();
