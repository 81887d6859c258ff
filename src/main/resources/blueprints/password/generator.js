'use strict';
// Passwords and passphrases from the browser's secure random numbers (crypto.getRandomValues), never Math.random.
// Loaded by the page and usable from Node 20 (module.exports) for tests.
(function (root) {
  const SETS = {
    lower: 'abcdefghijklmnopqrstuvwxyz',
    upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    digits: '0123456789',
    symbols: '!@#$%^&*()-_=+[]{};:,.?/~',
  };
  const AMBIGUOUS = /[Il1O0o|`'"]/g;
  const WORDS = [
    'acorn', 'actor', 'adapt', 'agent', 'alarm', 'album', 'alert', 'alien', 'alley', 'amber', 'angle', 'ankle',
    'apple', 'apron', 'arena', 'armor', 'arrow', 'atlas', 'attic', 'audio', 'autumn', 'avocado', 'badge', 'bagel',
    'baker', 'bamboo', 'banjo', 'barn', 'basil', 'basket', 'beach', 'beacon', 'beard', 'beaver', 'bench', 'berry',
    'bicycle', 'binder', 'birch', 'bison', 'blade', 'blanket', 'blaze', 'blossom', 'board', 'bonus', 'boost',
    'border', 'bottle', 'bounce', 'bracket', 'branch', 'brave', 'bread', 'breeze', 'brick', 'bridge', 'broom',
    'bubble', 'bucket', 'buddy', 'bugle', 'bunny', 'butter', 'button', 'cabin', 'cactus', 'camel', 'camera',
    'candle', 'canoe', 'canvas', 'canyon', 'captain', 'carbon', 'cargo', 'carpet', 'carrot', 'castle', 'cattle',
    'cedar', 'cello', 'chalk', 'charm', 'cherry', 'chess', 'chimney', 'cider', 'cinema', 'circle', 'citrus',
    'clover', 'cobalt', 'cocoa', 'comet', 'copper', 'coral', 'cotton', 'cousin', 'coyote', 'crane', 'crayon',
    'cricket', 'crystal', 'cupcake', 'curtain', 'cycle', 'daisy', 'dancer', 'dawn', 'delta', 'desert', 'diamond',
    'dinner', 'dolphin', 'donkey', 'dragon', 'drum', 'eagle', 'easel', 'echo', 'eclipse', 'elbow', 'ember',
    'engine', 'falcon', 'feather', 'fern', 'fiddle', 'finch', 'fjord', 'flame', 'flute', 'forest', 'fossil',
    'fountain', 'fox', 'garden', 'garlic', 'gecko', 'ginger', 'glacier', 'globe', 'goose', 'granite', 'grape',
    'gravel', 'guitar', 'hammer', 'harbor', 'harvest', 'hazel', 'helmet', 'heron', 'hiking', 'honey', 'hopper',
    'horizon', 'husky', 'igloo', 'island', 'ivory', 'jacket', 'jaguar', 'jasmine', 'jelly', 'jungle', 'kayak',
    'kettle', 'kitten', 'koala', 'ladder', 'lagoon', 'lantern', 'lemon', 'lentil', 'lily', 'lobster', 'locket',
    'lotus', 'magnet', 'mango', 'maple', 'marble', 'meadow', 'melon', 'mint', 'mirror', 'mitten', 'monkey',
    'mosaic', 'muffin', 'mural', 'nectar', 'nest', 'noodle', 'nutmeg', 'oasis', 'ocean', 'olive', 'onion', 'orbit',
    'orchid', 'otter', 'owl', 'paddle', 'panda', 'paper', 'parrot', 'pasta', 'peach', 'pebble', 'pencil', 'pepper',
    'piano', 'pickle', 'pillow', 'pilot', 'pine', 'planet', 'plum', 'pocket', 'pony', 'poppy', 'potato', 'pretzel',
    'puffin', 'pumpkin', 'puzzle', 'quartz', 'quill', 'rabbit', 'radar', 'radish', 'raven', 'reef', 'ribbon',
    'river', 'robin', 'rocket', 'rose', 'saddle', 'salmon', 'sandal', 'satin', 'scarf', 'shadow', 'shell',
    'silver', 'sketch', 'sled', 'smoke', 'snail', 'sonnet', 'spark', 'spider', 'spoon', 'sprout', 'squash',
    'stable', 'stamp', 'statue', 'stone', 'storm', 'sugar', 'summit', 'sunset', 'swan', 'tablet', 'tango',
    'teapot', 'temple', 'thunder', 'tiger', 'timber', 'toast', 'tomato', 'topaz', 'tractor', 'trail', 'tulip',
    'tunnel', 'turtle', 'umbrella', 'velvet', 'violet', 'violin', 'voyage', 'wagon', 'walnut', 'walrus', 'window',
    'winter', 'wizard', 'yacht', 'yogurt', 'zebra', 'zephyr'
  ];

  /** A uniform random integer in [0, n), by rejection sampling so no value is more likely than another. */
  function randomInt(n) {
    if (!Number.isInteger(n) || n <= 0 || n > 2 ** 32) throw new RangeError('n must be an integer in 1..2^32');
    const limit = Math.floor(2 ** 32 / n) * n;
    const buf = new Uint32Array(1);
    for (;;) {
      root.crypto.getRandomValues(buf);
      if (buf[0] < limit) return buf[0] % n;
    }
  }

  function shuffle(chars) {
    for (let i = chars.length - 1; i > 0; i -= 1) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j], chars[i]];
    }
    return chars;
  }

  /** The character sets an options object asks for, ambiguous characters removed when asked. */
  function pools(o) {
    return Object.keys(SETS).filter((k) => o[k])
      .map((k) => (o.avoidAmbiguous ? SETS[k].replace(AMBIGUOUS, '') : SETS[k]));
  }

  /**
   * A password of `length` characters with at least one from each chosen set.
   * Options: { length, lower, upper, digits, symbols, avoidAmbiguous }.
   */
  function password(o) {
    const sets = pools(o);
    if (sets.length === 0) throw new Error('choose at least one kind of character');
    const length = Math.max(o.length, sets.length);
    const all = sets.join('');
    const chars = sets.map((s) => s[randomInt(s.length)]);
    while (chars.length < length) chars.push(all[randomInt(all.length)]);
    return shuffle(chars).join('');
  }

  /** A passphrase of `words` random words. Options: { words, separator, capitalize, number }. */
  function passphrase(o) {
    const picked = [];
    for (let i = 0; i < o.words; i += 1) {
      const w = WORDS[randomInt(WORDS.length)];
      picked.push(o.capitalize ? w[0].toUpperCase() + w.slice(1) : w);
    }
    if (o.number) picked.push(String(randomInt(100)));
    return picked.join(o.separator);
  }

  /** Bits of entropy of a generated secret (what an attacker who knows these options must search). */
  function entropy(mode, o) {
    if (mode === 'words') return o.words * Math.log2(WORDS.length) + (o.number ? Math.log2(100) : 0);
    const size = pools(o).join('').length;
    return size === 0 ? 0 : Math.max(o.length, pools(o).length) * Math.log2(size);
  }

  function strength(bits) {
    if (bits < 40) return { label: 'Weak', level: 1 };
    if (bits < 60) return { label: 'Fair', level: 2 };
    if (bits < 80) return { label: 'Strong', level: 3 };
    return { label: 'Very strong', level: 4 };
  }

  const api = { SETS, WORDS, randomInt, password, passphrase, entropy, strength };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.Generator = api;
}(typeof self !== 'undefined' ? self : globalThis));
